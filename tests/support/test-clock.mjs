/**
 * The test suite's clock, for running the suite at another instant than the real one (TEST_NOW,
 * see vitest.config.ts): `Date` in every Node process of the run reads the real time shifted by
 * TEST_CLOCK_OFFSET_MS, and the embedded PostgreSQL is shifted by the same amount
 * (tests/support/test-database.ts), so that both sides of a comparison read one clock.
 *
 * A shift, not a frozen clock: timeouts, polling and the job queue keep working. Plain JavaScript,
 * loaded with `node --import` (NODE_OPTIONS) by every process of the run before any test code.
 */
const RealDate = globalThis.Date;
const offsetMs = Number(process.env.TEST_CLOCK_OFFSET_MS ?? 0);

const shiftedNow = () => RealDate.now() + offsetMs;

const ShiftedDate = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget);
  },
  apply(target, thisArg, args) {
    // `Date()` called as a function ignores its arguments and returns the current time as text.
    return new target(shiftedNow()).toString();
  },
  get(target, property, receiver) {
    if (property === 'now') return shiftedNow;
    return Reflect.get(target, property, receiver);
  },
});

if (offsetMs !== 0 && globalThis.Date === RealDate) globalThis.Date = ShiftedDate;
