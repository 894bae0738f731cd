using Sente.Core.Config;
using Sente.Go;
using Sente.Nn.Models;
using Sente.Training.Zero;

namespace Sente.Tests.Go;

/// <summary><see cref="BoardSizes"/> is the one statement of the supported sizes. The game-agnostic layers that
/// cannot reference Sente.Go (the Zero loop's <c>board.size</c>, the torch layer's <see cref="ModelConfig"/>) check
/// the same bounds; these tests keep them equal.</summary>
public class BoardSizesTests
{
    [Fact]
    public void GoChecksUseBoardSizes()
    {
        Assert.True(BoardSizes.IsSupported(BoardSizes.Min) && BoardSizes.IsSupported(BoardSizes.Max));
        Assert.False(BoardSizes.IsSupported(BoardSizes.Min - 1) || BoardSizes.IsSupported(BoardSizes.Max + 1));
        Assert.Equal(BoardSizes.Range, $"{BoardSizes.Min}..{BoardSizes.Max}");
        _ = new GoGame(BoardSizes.Max);
        Assert.Contains(BoardSizes.Range, Assert.Throws<ArgumentOutOfRangeException>(() => new GoGame(BoardSizes.Max + 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GoGame(BoardSizes.Min - 1));
    }

    [Fact]
    public void ZeroOptionsBoardSizeMatchesBoardSizes()
    {
        static ZeroOptions With(int size) => ZeroOptions.From(ConfigFile.Parse($"board.size = {size}\n"));
        Assert.Equal(BoardSizes.Min, With(BoardSizes.Min).BoardSize);
        Assert.Equal(BoardSizes.Max, With(BoardSizes.Max).BoardSize);
        Assert.Contains("board.size", Assert.Throws<ConfigException>(() => With(BoardSizes.Max + 1)).Message);
        Assert.Contains("board.size", Assert.Throws<ConfigException>(() => With(BoardSizes.Min - 1)).Message);
    }

    [Fact]
    public void ModelConfigBoardSizeMatchesBoardSizes()
    {
        new ModelConfig(BoardSize: BoardSizes.Min).Validate();
        new ModelConfig(BoardSize: BoardSizes.Max).Validate();
        Assert.Throws<ArgumentException>(() => new ModelConfig(BoardSize: BoardSizes.Max + 1).Validate());
        Assert.Throws<ArgumentException>(() => new ModelConfig(BoardSize: BoardSizes.Min - 1).Validate());
    }
}
