/** Shown while a workspace page loads (the queue's query, a request's detail). */
export default function Loading() {
  return (
    <div role="status" className="admin-loading">
      <p>Loading…</p>
    </div>
  );
}
