using System.Security.Cryptography;
using System.Text;

namespace ElectionComms.Web.Tests.Features.MemberApp;

/// <summary>
/// The two ends of Web Push in a test: a VAPID key pair for the portal, and a browser's subscription keys with the
/// RFC 8291 decryption a browser does, so a test reads exactly what the push service carried.
/// </summary>
public static class WebPushKeys
{
    public static (string Public, string Private) Vapid()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url(p.D!));
    }

    /// <summary>A browser's subscription keys: its P-256 key (p256dh) and a 16-byte auth secret.</summary>
    public sealed class Browser : IDisposable
    {
        private readonly ECDiffieHellman key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        public byte[] Auth { get; } = RandomNumberGenerator.GetBytes(16);

        public byte[] PublicKey
        {
            get
            {
                var p = key.ExportParameters(includePrivateParameters: false);
                return [0x04, .. p.Q.X!, .. p.Q.Y!];
            }
        }

        public string P256dh => Base64Url(PublicKey);

        public string AuthText => Base64Url(Auth);

        /// <summary>RFC 8291 §3–4 with RFC 8188 aes128gcm: the plaintext of one push body.</summary>
        public string Decrypt(byte[] body)
        {
            var salt = body[..16];
            var idLength = body[20];
            var serverKey = body[21..(21 + idLength)];
            var cipher = body[(21 + idLength)..];

            using var server = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] },
            });
            var shared = key.DeriveRawSecretAgreement(server.PublicKey);
            var prkKey = HMACSHA256.HashData(Auth, shared);
            byte[] keyInfo = [.. Encoding.ASCII.GetBytes("WebPush: info"), 0, .. PublicKey, .. serverKey, 1];
            byte[] cekInfo = [.. Encoding.ASCII.GetBytes("Content-Encoding: aes128gcm"), 0, 1];
            byte[] nonceInfo = [.. Encoding.ASCII.GetBytes("Content-Encoding: nonce"), 0, 1];
            var ikm = HMACSHA256.HashData(prkKey, keyInfo);
            var prk = HMACSHA256.HashData(salt, ikm);
            var cek = HMACSHA256.HashData(prk, cekInfo)[..16];
            var nonce = HMACSHA256.HashData(prk, nonceInfo)[..12];

            var plain = new byte[cipher.Length - 16];
            using var aes = new AesGcm(cek, 16);
            aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);

            // The last record ends with the delimiter 0x02 and any padding zeros.
            var end = Array.LastIndexOf(plain, (byte)2);
            return Encoding.UTF8.GetString(plain, 0, end);
        }

        public void Dispose() => key.Dispose();
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
