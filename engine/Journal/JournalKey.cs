using System.Security.Cryptography;

namespace Dispatch.Engine.Journal;

/// <summary>
/// The ECDSA P-256 key an installation signs its journals with (.NET has no Ed25519), or a public key alone to verify
/// with. The private key stays in <c>journal-key.pem</c> (PKCS#8 PEM, mode 0600) in the state directory; the public key
/// is written into every journal's header and printed by <c>dispatch journal key</c>, so a journal can be checked on
/// another machine. Signatures are DER-encoded (RFC 3279) over SHA-256, the form <c>openssl dgst -verify</c> reads.
/// </summary>
public sealed class JournalKey : IDisposable
{
    private const string FileName = "journal-key.pem";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private const string P256 = "1.2.840.10045.3.1.7";

    private readonly ECDsa _key;
    private readonly byte[] _publicKey;

    private JournalKey(ECDsa key, bool canSign)
    {
        _key = key;
        CanSign = canSign;
        _publicKey = key.ExportSubjectPublicKeyInfo();
        Fingerprint = FingerprintOf(_publicKey);
    }

    /// <summary>The public key as SubjectPublicKeyInfo (DER).</summary>
    public ReadOnlyMemory<byte> PublicKey => _publicKey;

    /// <summary>The public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), to give to whoever verifies elsewhere.</summary>
    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", _publicKey);

    /// <summary>A short name of the public key for people to compare, e.g. <c>3f9a 1c07 …</c> (8 groups).</summary>
    public string Fingerprint { get; }

    /// <summary>False for a key loaded from a public key alone: it verifies but cannot sign.</summary>
    public bool CanSign { get; }

    /// <summary>The installation's key in <c>$DISPATCH_STATE_DIR</c>, else <c>$XDG_STATE_HOME/dispatch</c>, else <c>~/.local/state/dispatch</c>.</summary>
    /// <exception cref="DispatchException">The key file is readable by others or is not a P-256 private key.</exception>
    public static JournalKey ForCurrentUser() => LoadOrCreate(StateDirectory.ForCurrentUser);

    /// <summary>
    /// Loads <c>journal-key.pem</c> from <paramref name="stateDirectory"/>, or creates it (the directory 0700, the file
    /// 0600 before the secret is written into it).
    /// </summary>
    /// <exception cref="DispatchException">The key file is readable or writable by group or others, or is not a P-256 private key.</exception>
    public static JournalKey LoadOrCreate(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateDirectory);
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(stateDirectory), FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) is var mode && (mode & GroupOrOthers) != 0)
        {
            throw new DispatchException($"The journal key '{path}' has mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}, so others can read or replace it; " +
                $"expected 0600 (chmod 600 '{path}').");
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new DispatchException($"The journal key '{path}' holds no PEM private key; expected -----BEGIN PRIVATE KEY-----.", error);
        }
        if (key.ExportParameters(false).Curve.Oid.Value != P256)
        {
            key.Dispose();
            throw new DispatchException($"The journal key '{path}' is on the curve {key.ExportParameters(false).Curve.Oid.FriendlyName}; expected P-256.");
        }
        return new JournalKey(key, canSign: true);
    }

    /// <summary>A verify-only key from a PEM public key file (as <c>dispatch journal key</c> prints it).</summary>
    /// <exception cref="DispatchException">The file holds no P-256 key.</exception>
    public static JournalKey FromPublicKeyFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var any = ECDsa.Create();
        try
        {
            any.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception error) when (error is ArgumentException or CryptographicException)
        {
            throw new DispatchException($"The key file '{path}' holds no PEM key; expected -----BEGIN PUBLIC KEY----- as 'dispatch journal key' prints it.", error);
        }
        if (any.ExportParameters(false).Curve.Oid.Value != P256)
        {
            throw new DispatchException($"The key in '{path}' is on the curve {any.ExportParameters(false).Curve.Oid.FriendlyName}; expected P-256.");
        }
        // Re-imported from the public part only, so a private key given by mistake is never used to sign.
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(any.ExportSubjectPublicKeyInfo(), out _);
        return new JournalKey(key, canSign: false);
    }

    /// <summary>The fingerprint of a SubjectPublicKeyInfo: the first 16 bytes of its SHA-256, hex in groups of 4.</summary>
    internal static string FingerprintOf(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo)[..16]);
        return string.Join(' ', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }

    /// <summary>Signs <paramref name="data"/> (ECDSA with SHA-256, DER signature).</summary>
    /// <exception cref="InvalidOperationException">The key is verify-only.</exception>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        if (!CanSign)
        {
            throw new InvalidOperationException($"The key {Fingerprint} was loaded from a public key; it verifies but cannot sign.");
        }
        return _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>True when <paramref name="signature"/> is this key's signature of <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        _key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>The signature of <paramref name="data"/> in base64, as journal lines carry it.</summary>
    internal string SignBase64(ReadOnlySpan<byte> data) => Convert.ToBase64String(Sign(data));

    /// <summary>False for a signature that is missing, not base64, or not this key's signature of <paramref name="data"/>.</summary>
    internal bool VerifyBase64(ReadOnlySpan<byte> data, string? signature) => FromBase64(signature) is { } bytes && Verify(data, bytes);

    /// <summary>The bytes of <paramref name="text"/>, or null when it is missing or not base64 (journal fields are untrusted).</summary>
    internal static byte[]? FromBase64(string? text)
    {
        var bytes = new byte[(text?.Length ?? 0) * 3 / 4];
        return text is not null && Convert.TryFromBase64String(text, bytes, out var length) ? bytes[..length] : null;
    }

    /// <summary>Releases the key.</summary>
    public void Dispose() => _key.Dispose();

    private static void Create(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // Written whole under a temporary name, then linked into place without overwriting: two processes creating the
        // key at once both end up with the one that won, never with a half-written file.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }
            using (var file = new FileStream(temporary, options))
            {
                file.Write(System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; LoadOrCreate loads theirs.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
