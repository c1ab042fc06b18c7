// Prints one closing line, `N passed, N failed`, that scripts/test.sh adds to its summary.
export default class SummaryReporter {
  onBegin(_config, suite) {
    this.suite = suite;
  }

  onEnd() {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const test of this.suite?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected' || outcome === 'flaky') passed += 1;
      else if (outcome === 'skipped') skipped += 1;
      else failed += 1;
    }
    console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }

  printsToStdio() {
    return true;
  }
}
