using System.Collections.Generic;
using System.Linq;
using System.Text;
using AutoParallel.Report.Analysis;
using AutoParallel.Report.Input;

namespace AutoParallel.Report.Output;

/// <summary>
/// One kernel's table: every C# variant and every peer impl at 1 and 2 threads, per size, with time ratios against the
/// sequential C# method, numba's <c>prange</c> and C/OpenMP at 2 threads.
/// </summary>
public static class KernelSection
{
    /// <summary>Appends the kernel's section; nothing when neither the C# suite nor the peers measured it.</summary>
    public static void Write(StringBuilder text, Measurements m, KernelSpec kernel)
    {
        string omp = kernel.OpenMpImpls.Count == 1 ? kernel.OpenMpImpls[0] : "c-omp, faster of static/dynamic";
        var table = new MarkdownTable(
            "size", "implementation", ">threads", ">time", ">÷ C# sequential", $">÷ {KernelSpec.NumbaPrange} (2 thr)", $">÷ {omp} (2 thr)", ">allocated");
        var openMpChoices = new List<string>();
        foreach (string size in kernel.Sizes)
        {
            double? sequential = m.Find(kernel.BenchmarkType, Variants.Sequential, "Size", size)?.MedianNs;
            double? numba = m.Peer(kernel.Peer, size, KernelSpec.NumbaPrange, 2)?.MedianNs;
            PeerResult? fastestOmp = m.FastestPeer(kernel.Peer, size, kernel.OpenMpImpls, 2);
            if (fastestOmp is not null && kernel.OpenMpImpls.Count > 1)
            {
                openMpChoices.Add($"{size}: `{fastestOmp.Impl}`");
            }

            foreach (CsResult cs in m.OfType(kernel.BenchmarkType).Where(r => r.Parameter("Size") == size))
            {
                string name = cs.Description == Variants.Generated ? $"C#: **{cs.Description}**" : $"C#: {cs.Description}";
                string threads = Variants.IsSingleThreaded(cs.Description) ? "1" : (m.Host?.LogicalCores ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                table.Add(size, name, threads, Format.Time(cs.MedianNs, "failed"), Format.Ratio(cs.MedianNs, sequential), Format.Ratio(cs.MedianNs, numba), Format.Ratio(cs.MedianNs, fastestOmp?.MedianNs), Format.Bytes(cs.AllocatedBytes));
            }

            foreach (PeerResult peer in m.Peers.Where(p => p.Kernel == kernel.Peer && p.Size == size))
            {
                table.Add(
                    size, $"`{peer.Impl}`", peer.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.Time(peer.MedianNs),
                    Format.Ratio(peer.MedianNs, sequential), Format.Ratio(peer.MedianNs, numba), Format.Ratio(peer.MedianNs, fastestOmp?.MedianNs), "");
            }
        }

        if (!table.HasRows)
        {
            return;
        }

        text.AppendLine(kernel.Title == kernel.Peer ? $"#### {kernel.Title}" : $"#### {kernel.Title} (`{kernel.Peer}`)").AppendLine();
        text.AppendLine($"{char.ToUpperInvariant(kernel.Definition[0])}{kernel.Definition[1..]}.");
        if (openMpChoices.Count > 0)
        {
            text.AppendLine($"OpenMP reference (the faster schedule at 2 threads): {string.Join(", ", openMpChoices)}.");
        }

        text.AppendLine();
        table.WriteTo(text);
        text.AppendLine();
    }
}
