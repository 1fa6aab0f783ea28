import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';

// Built per request: the options read validated configuration, which is not available at build time.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, { params: await context.params } as never, authOptions());
}

export { handler as GET, handler as POST };
