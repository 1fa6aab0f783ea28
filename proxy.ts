import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/**
 * First layer only: a signed-out visitor to a staff page goes to the sign-in page. Every staff page,
 * action and route checks the session and role again on the server.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/admin') && !pathname.startsWith('/admin/sign-in')) {
    if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
      const url = request.nextUrl.clone();
      url.pathname = '/admin/sign-in';
      url.search = `?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`;
      return NextResponse.redirect(url);
    }
  }
  return NextResponse.next();
}

export const config = { matcher: ['/admin/:path*'] };
