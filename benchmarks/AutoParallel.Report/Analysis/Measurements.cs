using System.Collections.Generic;
using System.Linq;
using AutoParallel.Report.Input;

namespace AutoParallel.Report.Analysis;

/// <summary>Everything one run measured: the C# benchmark cases and the peers' results, with the look-ups the report needs.</summary>
public sealed class Measurements
{
    /// <summary>Wraps the results of one run.</summary>
    public Measurements(IReadOnlyList<CsResult> cs, IReadOnlyList<PeerResult> peers, HostInfo? host, PeerInfo peerInfo)
    {
        Cs = cs;
        Peers = peers;
        Host = host;
        PeerInfo = peerInfo;
    }

    /// <summary>The C# benchmark cases, in the order of the exports.</summary>
    public IReadOnlyList<CsResult> Cs { get; }

    /// <summary>The peers' results, one per (kernel, size, impl, threads).</summary>
    public IReadOnlyList<PeerResult> Peers { get; }

    /// <summary>The host the C# suite ran on.</summary>
    public HostInfo? Host { get; }

    /// <summary>What the peers' harness printed about the machine.</summary>
    public PeerInfo PeerInfo { get; }

    /// <summary>The cases of benchmark class <paramref name="type"/>.</summary>
    public IEnumerable<CsResult> OfType(string type) => Cs.Where(r => r.Type == type);

    /// <summary>The case of <paramref name="type"/> with <paramref name="description"/> whose parameter <paramref name="parameter"/> is <paramref name="value"/>.</summary>
    public CsResult? Find(string type, string description, string parameter, string value)
        => Cs.FirstOrDefault(r => r.Type == type && r.Description == description && r.Parameter(parameter) == value && r.MedianNs is not null);

    /// <summary>The peer result, or <see langword="null"/> when the peers did not run it.</summary>
    public PeerResult? Peer(string kernel, string size, string impl, int threads)
        => Peers.FirstOrDefault(p => p.Kernel == kernel && p.Size == size && p.Impl == impl && p.Threads == threads);

    /// <summary>The fastest of <paramref name="impls"/> at <paramref name="threads"/> threads.</summary>
    public PeerResult? FastestPeer(string kernel, string size, IEnumerable<string> impls, int threads)
        => impls.Select(i => Peer(kernel, size, i, threads)).Where(p => p is not null).OrderBy(p => p!.MedianUs).FirstOrDefault();
}
