/**
 * Ring on a device engine, hand-written: __INPUT.size closures in a ring and a hand-written round-robin run
 * queue. Each hop puts the token in the next closure's slot and queues it; the loop runs queued closures
 * in order. Checked: receipts and where the token ended.
 */
(function () {
  benchRun(function () {
    const hops = __INPUT.work;
    const size = __INPUT.size;
    const slots: number[] = [];
    const received: number[] = [];
    const relays: (() => void)[] = [];
    let queue: number[] = [];
    let endedAt = -1;
    function relay(i: number): () => void {
      const next = (i + 1) % size;
      return function () {
        const hopsLeft = slots[i];
        slots[i] = -1;
        received[i]++;
        if (hopsLeft > 0) {
          slots[next] = hopsLeft - 1;
          queue.push(next);
        } else endedAt = i;
      };
    }
    for (let i = 0; i < size; i++) {
      slots.push(-1);
      received.push(0);
      relays.push(relay(i));
    }
    slots[0] = hops;
    queue.push(0);
    while (queue.length > 0) {
      const running = queue;
      queue = [];
      for (let k = 0; k < running.length; k++) relays[running[k]]();
    }
    let total = 0;
    for (let i = 0; i < size; i++) total += received[i];
    benchCheck(total, hops + 1, "ring: times the token was received");
    benchCheck(endedAt, hops % size, "ring: where the token ended");
    return {};
  });
})();
