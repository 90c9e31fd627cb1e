/**
 * Linear on a device engine, hand-written: ten closures `x => next(x + 1)` ending in a summing closure,
 * called once per number — the engine's limit for this work. Checked: the sum.
 */
(function () {
  const STAGES = 10;
  benchRun(function () {
    const n = __INPUT.work;
    let total = 0;
    let head = function (x: number): void {
      total += x;
    };
    for (let i = 0; i < STAGES; i++) {
      const next = head;
      head = function (x: number): void {
        next(x + 1);
      };
    }
    for (let i = 1; i <= n; i++) head(i);
    benchCheck(total, (n * (n + 1)) / 2 + n * STAGES, "linear: the sink's sum");
    return {};
  });
})();
