import { resetEnvCache } from '../../lib/env';

/**
 * Settings a test file changes, put back after each test: `set` clears the named variables, applies
 * the given ones and makes lib/env.ts read them again; `restore` (in afterEach) undoes it.
 */
export function scopedEnv(names: readonly string[]) {
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  return {
    set(vars: Record<string, string>) {
      for (const name of names) delete process.env[name];
      Object.assign(process.env, vars);
      resetEnvCache();
    },
    restore() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetEnvCache();
    },
  };
}
