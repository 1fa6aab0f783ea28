import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/requests/openapi';

export function GET() {
  return NextResponse.json(openApiDocument());
}
