using System.Diagnostics;
using System.Globalization;
using ElectionComms.Domain.Administration;
using ElectionComms.Web.Features.Invitations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ElectionComms.Bench;

/// <summary>
/// Issue 5: the bulk ZIP of print-size invitation PNGs (code + caption, stored entries, streamed one entry at a time)
/// for N groups, beside QRCoder drawing the same N bare PNGs in a plain loop, in the same run; time and peak memory.
/// The ZIP goes to a stream that counts and discards, as a response body would send it on. Saving the invitations in
/// the database happens before streaming and is not part of this comparison.
/// </summary>
internal static class InvitationBenchmark
{
    public static Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var items = Enumerable.Range(1, count)
            .Select(i => new BatchItem(i, $"GNV {i % 40 + 1} – KZAZ {i % 92 + 1} Çërrik", $"GNV {i % 40 + 1} – KZAZ {i % 92 + 1}", AdministrationLevel.Gnv, InvitationCodes.Create().Code))
            .ToList();
        static string Url(string code) => "https://portal.kqz.gov.al/ftese/" + code;
        var images = new InvitationImages(new InvitationLinks(
            Options.Create(new InvitationOptions { PublicBaseUrl = "https://portal.kqz.gov.al" }), new HttpContextAccessor()));

        // Warm-up: JIT and QRCoder's tables, so the first measured round is not penalised.
        _ = QrImages.PlainPng(Url(items[0].Code), QrSize.Print);
        InvitationBatch.WriteZipAsync(new CountingStream(), items.Take(20), images, CancellationToken.None).GetAwaiter().GetResult();

        Console.WriteLine($"groups={count:N0} rounds={rounds} cores={Environment.ProcessorCount} size=Print ({(int)QrSize.Print} px/module) ecc={QrImages.ErrorCorrection}");
        Console.WriteLine("| round | plain QRCoder loop | peak heap | bulk ZIP (caption + zip) | peak heap | peak working set | ZIP size | × loop |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            long bytes = 0;
            var (loop, loopPeak) = Measure(() =>
            {
                foreach (var item in items)
                {
                    bytes += QrImages.PlainPng(Url(item.Code), QrSize.Print).Length;
                }
            });
            var sink = new CountingStream();
            var (zip, zipPeak) = Measure(() => InvitationBatch.WriteZipAsync(sink, items, images, CancellationToken.None).GetAwaiter().GetResult());
            var ratio = zip / loop;
            ratios.Add(ratio);
            Console.WriteLine(
                $"| {round} | {loop.TotalMilliseconds:N0} ms | {loopPeak.Heap / 1048576.0:N0} MB | {zip.TotalMilliseconds:N0} ms | {zipPeak.Heap / 1048576.0:N0} MB | " +
                $"{zipPeak.WorkingSet / 1048576.0:N0} MB | {sink.Length / 1048576.0:N1} MB | {ratio:N2} |");
            _ = bytes;
        }

        ratios.Sort();
        Console.WriteLine($"median ratio (bulk ZIP / plain loop) = {ratios[ratios.Count / 2]:N2}");
        return Task.CompletedTask;
    }

    private static (TimeSpan Elapsed, (long Heap, long WorkingSet) Peak) Measure(Action work)
    {
        var (_, elapsed, heap, workingSet) = PeakMemory.MeasureAsync(() =>
        {
            work();
            return Task.FromResult(true);
        }).GetAwaiter().GetResult();
        return (elapsed, (heap, workingSet));
    }

    /// <summary>A write-only stream that counts bytes and keeps none, like a response body once sent.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position
        {
            get => length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
