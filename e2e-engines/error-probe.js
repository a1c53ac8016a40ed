/*
 * Records the page's console errors and warnings, uncaught errors, unhandled rejections,
 * resources that failed to load and Content-Security-Policy violations, for the WebKitGTK
 * smoke run under WebDriver, which has no console to read (see e2e-engines/webkitConsole.ts for
 * the messages of the engine itself). The smoke run serves this file before the app's own
 * scripts (a classic script: it runs before the app's module scripts); the app never loads it.
 */
(() => {
  const problems = [];
  const describe = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  const warnings = [];
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    problems.push(`console error: ${args.map(describe).join(' ')}`);
    consoleError(...args);
  };
  const consoleWarn = console.warn.bind(console);
  console.warn = (...args) => {
    warnings.push(`console warning: ${args.map(describe).join(' ')}`);
    consoleWarn(...args);
  };
  window.addEventListener(
    'error',
    (event) => {
      if (event instanceof ErrorEvent) {
        problems.push(`page error: ${event.message} (${event.filename}:${event.lineno})`);
      } else if (event.target && event.target !== window) {
        const element = event.target;
        problems.push(`failed to load: <${element.localName}> ${element.src || element.href || ''}`);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${describe(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => problems.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  Object.defineProperty(window, '__engineSmokeProblems', { value: problems });
  Object.defineProperty(window, '__engineSmokeWarnings', { value: warnings });
})();
