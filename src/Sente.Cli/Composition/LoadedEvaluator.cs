using Sente.Core.Evaluation;
using Sente.Nn.Models;

namespace Sente.Cli.Composition;

/// <summary>A network loaded by <see cref="NetworkLoader.Evaluator"/>: the evaluator a search uses (wrappers applied),
/// the network's architecture and the file it came from.</summary>
public sealed record LoadedEvaluator(IEvaluator Evaluator, ModelConfig Config, string Path)
{
    /// <summary>The board size of the network (Go).</summary>
    public int BoardSize => Config.BoardSize;
}
