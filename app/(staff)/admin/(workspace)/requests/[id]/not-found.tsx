import Link from 'next/link';

/** An unknown request id (or one that is not a request id at all). */
export default function RequestNotFound() {
  return (
    <>
      <h1>Request not found</h1>
      <p>There is no request with that address. Check the link, or search the queue by reference.</p>
      <p>
        <Link href="/admin">Back to the queue</Link>
      </p>
    </>
  );
}
