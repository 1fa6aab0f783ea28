import { afterEach, describe, expect, it } from 'vitest';
import { scopedEnv } from '../tests/support/scoped-env';
import { env, parseStorageRoot } from './env';

const settings = scopedEnv([
  'STORAGE_ROOT',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
]);
const configure = (vars: Record<string, string>) => settings.set(vars);

afterEach(() => settings.restore());

describe('STORAGE_ROOT', () => {
  it('is a folder, or a bucket with an optional key prefix', () => {
    expect(parseStorageRoot('.data/storage')).toEqual({ driver: 'local', folder: '.data/storage' });
    expect(parseStorageRoot('/var/lib/portal')).toEqual({ driver: 'local', folder: '/var/lib/portal' });
    expect(parseStorageRoot('s3://privacy-packages')).toEqual({ driver: 's3', bucket: 'privacy-packages', prefix: '' });
    expect(parseStorageRoot('s3://privacy-packages/')).toEqual({
      driver: 's3',
      bucket: 'privacy-packages',
      prefix: '',
    });
    expect(parseStorageRoot('s3://privacy-packages/portal/production/')).toEqual({
      driver: 's3',
      bucket: 'privacy-packages',
      prefix: 'portal/production',
    });
  });

  it('names what is wrong with an s3:// root, and env() refuses to start with it', () => {
    expect(parseStorageRoot('s3://')).toEqual({ error: expect.stringContaining('names no bucket') });
    expect(parseStorageRoot('s3:///prefix')).toEqual({ error: expect.stringContaining('names no bucket') });
    expect(parseStorageRoot('s3://Privacy_Packages')).toEqual({
      error: expect.stringContaining('is not a valid bucket name'),
    });
    expect(parseStorageRoot('s3://packages/a//b')).toEqual({
      error: expect.stringContaining('has an empty, "." or ".." part'),
    });
    expect(parseStorageRoot('s3://packages/a/../b')).toEqual({
      error: expect.stringContaining('has an empty, "." or ".." part'),
    });
    expect(parseStorageRoot('gs://packages')).toEqual({ error: 'must be a folder or s3://bucket/optional/prefix' });

    configure({ STORAGE_ROOT: 's3://' });
    expect(() => env()).toThrow(/STORAGE_ROOT: names no bucket/);
  });

  it('takes an access key and its secret together, or neither (the AWS default credential chain)', () => {
    configure({ STORAGE_ROOT: 's3://packages', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' });
    expect(() => env()).toThrow(/S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
    configure({ STORAGE_ROOT: 's3://packages' });
    expect(env().storage).toEqual({ driver: 's3', bucket: 'packages', prefix: '' });
  });

  it('addresses buckets by path when an endpoint is set, unless told otherwise', () => {
    configure({ STORAGE_ROOT: 's3://packages' });
    expect(env().s3ForcePathStyle).toBe(false);
    configure({ STORAGE_ROOT: 's3://packages', S3_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(env().s3ForcePathStyle).toBe(true);
    configure({
      STORAGE_ROOT: 's3://packages',
      S3_ENDPOINT: 'https://account.r2.cloudflarestorage.com',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(env().s3ForcePathStyle).toBe(false);
  });
});
