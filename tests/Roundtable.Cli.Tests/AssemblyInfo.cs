// The tests use POSIX signals (kill -TERM) and Unix file modes.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
