// Each test class owns a virtual desktop; classes run one after another so two cores are not oversubscribed.
[assembly: DoNotParallelize]

// Every test here runs on a virtual X11 desktop (Xvfb), which runs on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
