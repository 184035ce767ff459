using System.Runtime.Versioning;
using System.Text;
using Dispatch.Engine.Journal;

namespace Dispatch.Engine.Tests;

[TestClass]
public sealed class JournalKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dispatch-key-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    [OSCondition(ConditionMode.Exclude, OperatingSystems.Windows)]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_ANewStateDirectory_CreatesItOwnerOnlyWithTheKey0600()
    {
        var state = Path.Combine(_directory, "state");
        using var key = JournalKey.LoadOrCreate(state);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(state, "journal-key.pem")));
        StringAssert.StartsWith(File.ReadAllText(Path.Combine(state, "journal-key.pem")), "-----BEGIN PRIVATE KEY-----");
        Assert.IsTrue(key.CanSign);
        Assert.HasCount(1, Directory.GetFiles(state));
    }

    [TestMethod]
    public void LoadOrCreate_Again_LoadsTheSameKey()
    {
        using var first = JournalKey.LoadOrCreate(_directory);
        using var second = JournalKey.LoadOrCreate(_directory);
        Assert.AreEqual(first.Fingerprint, second.Fingerprint);
        Assert.IsTrue(second.Verify("x"u8, first.Sign("x"u8)));
    }

    [TestMethod]
    [OSCondition(ConditionMode.Exclude, OperatingSystems.Windows)]
    [UnsupportedOSPlatform("windows")]
    public void LoadOrCreate_AGroupReadableKeyFile_IsRefused()
    {
        JournalKey.LoadOrCreate(_directory).Dispose();
        var path = Path.Combine(_directory, "journal-key.pem");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var error = Assert.ThrowsExactly<DispatchException>(() => JournalKey.LoadOrCreate(_directory));
        StringAssert.Contains(error.Message, $"'{path}' has mode 0640");
        StringAssert.Contains(error.Message, "expected 0600");
    }

    [TestMethod]
    public void Fingerprint_IsEightGroupsOfFourHexDigits()
    {
        using var key = JournalKey.LoadOrCreate(_directory);
        StringAssert.Matches(key.Fingerprint, new System.Text.RegularExpressions.Regex("^[0-9a-f]{4}( [0-9a-f]{4}){7}$"));
    }

    [TestMethod]
    public void FromPublicKeyFile_ThePrintedPem_VerifiesButCannotSign()
    {
        using var key = JournalKey.LoadOrCreate(_directory);
        var pem = Path.Combine(_directory, "public.pem");
        File.WriteAllText(pem, key.PublicKeyPem);
        using var verifyOnly = JournalKey.FromPublicKeyFile(pem);
        Assert.AreEqual(key.Fingerprint, verifyOnly.Fingerprint);
        Assert.IsFalse(verifyOnly.CanSign);
        Assert.IsTrue(verifyOnly.Verify("entry"u8, key.Sign("entry"u8)));
        Assert.IsFalse(verifyOnly.Verify("entry"u8, key.Sign("other"u8)));
        Assert.ThrowsExactly<InvalidOperationException>(() => verifyOnly.Sign("entry"u8));
    }

    [TestMethod]
    public void FromPublicKeyFile_AFileWithoutAKey_NamesTheFile()
    {
        var path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "not a key", Encoding.ASCII);
        var error = Assert.ThrowsExactly<DispatchException>(() => JournalKey.FromPublicKeyFile(path));
        StringAssert.Contains(error.Message, $"'{path}'");
    }

    [TestMethod]
    [DoNotParallelize]
    public void ForCurrentUser_WithDispatchStateDir_UsesThatDirectory()
    {
        var before = Environment.GetEnvironmentVariable("DISPATCH_STATE_DIR");
        Environment.SetEnvironmentVariable("DISPATCH_STATE_DIR", _directory);
        try
        {
            using var key = JournalKey.ForCurrentUser();
            Assert.IsTrue(File.Exists(Path.Combine(_directory, "journal-key.pem")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DISPATCH_STATE_DIR", before);
        }
    }
}
