using System.Collections.Generic;

namespace AutoParallel.Report.Input;

/// <summary>What the peers' <c>run.sh</c> printed on stderr about the machine and its quiet-machine guard.</summary>
/// <param name="Machine">The machine and tool-version lines, once each.</param>
/// <param name="Retaken">Measurements taken again because other processes were busy.</param>
/// <param name="Disturbed">Measurements kept although other processes were still busy after every retry.</param>
public sealed record PeerInfo(IReadOnlyList<string> Machine, int Retaken, int Disturbed)
{
    /// <summary>No stderr was captured.</summary>
    public static PeerInfo None { get; } = new(new List<string>(), 0, 0);
}
