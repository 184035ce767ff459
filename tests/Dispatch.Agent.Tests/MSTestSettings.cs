// The CLI writes to the process's console, which the tests capture: one test at a time.
[assembly: DoNotParallelize]
