using System.Runtime.Versioning;

// Every benchmark measures an X11 desktop (a virtual one that BenchDesktop starts), which runs on Linux only.
[assembly: SupportedOSPlatform("linux")]
