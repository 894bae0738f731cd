using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sente.Core;
using Sente.Go;
using Sente.Nn;
using Sente.Nn.Checkpoints;
using Sente.Nn.Models;
using TorchSharp;
using static TorchSharp.torch;
using GoRecord = Sente.Go.GameRecord;
using Sente.Core.IO;

namespace Sente.Lee.Stages;

/// <summary>Settings of value-data generation (AlphaGo's self-play data for the value network). Immutable.</summary>
/// <param name="Games">Games in total (a rerun continues up to this).</param>
/// <param name="MaxU">U is drawn uniformly from 1..MaxU per game (the paper: 1..450 on 19x19, about 1.25 x the
/// points); 0 means N*N, about the length of a played-out policy game on small boards.</param>
/// <param name="ChunkGames">Games per output file: each file is written atomically when its games are over, so a kill
/// loses at most the chunk in progress.</param>
/// <param name="Temperature">Softmax temperature of both policies' sampled moves (1: the networks' own distributions).</param>
/// <param name="RlTemperature">Temperature of the RL phase (moves U+1..) when set; 0 plays the RL policy's best move.
/// The paper samples (1); a sharper phase makes the outcome z a less noisy function of the sampled position.</param>
public sealed record ValueDataOptions(int Size = 9, double Komi = 7.5, int Games = 1000, int MaxU = 0, int ChunkGames = 64,
                                      double Temperature = 1.0, ulong Seed = 1, int Threads = 0, string Device = "cpu",
                                      double? RlTemperature = null)
{
    /// <summary>Game settings: network 0 (SL) at <see cref="Temperature"/>, network 1 (RL) at <see cref="RlTemperature"/>.</summary>
    public PolicyGameOptions GameOptions() =>
        new(Size, Komi, Temperature, Device: Device, NetworkTemperatures: RlTemperature is double rl ? [Temperature, rl] : null);

    /// <summary>The effective upper bound of U.</summary>
    public int UMax => MaxU > 0 ? MaxU : Size * Size;

    public ValueDataOptions Validate()
    {
        if (Games < 1 || ChunkGames < 1) throw new ArgumentException($"games and chunk size must be >= 1 (got {Games}, {ChunkGames})");
        if (MaxU < 0) throw new ArgumentException($"max U must be >= 0 (got {MaxU})");
        GameOptions().Validate();
        return this;
    }
}

/// <summary>What a value-data run produced: games played so far in total (this call and earlier ones), games in the
/// files (those that reached their move U), games this call wrote, and the games of this call that ended before their
/// move U (no random move happened; left out of the data).</summary>
public sealed record ValueDataSummary(int GamesPlayed, int GamesInFiles, int GamesAdded, int EndedBeforeU, int ChunksWritten);

/// <summary>
/// AlphaGo's value-network data (Silver et al. 2016, Methods): per game, U uniform in 1..UMax; the SL policy plays
/// moves 1..U-1 for both colours, move U is a uniformly random legal move, then the RL policy plays both colours to the
/// end (two passes or the move cap) and the game is scored by area. Each game is written as SGF with its result RE and
/// the private root property VS[U]: the sampled position s_{U+1} is the one after U moves (read it with
/// <see cref="ValuePositions"/> in mode <see cref="ValueMode.Sampled"/>). Output: value-FIRST-END.sgf files of
/// <see cref="ValueDataOptions.ChunkGames"/> games each (game numbers FIRST..END-1), written atomically; a chunk depends
/// only on (seed, FIRST, size), so a rerun continues after the last file. Not thread-safe.
/// </summary>
public static partial class ValueData
{
    [GeneratedRegex(@"^value-(\d{6,})-(\d{6,})\.sgf$")]
    private static partial Regex ChunkName();

    /// <summary>Name of the file holding games number <paramref name="start"/> to <paramref name="end"/> - 1 (those
    /// that reached their move U).</summary>
    public static string ChunkFile(int start, int end) => $"value-{start:D6}-{end:D6}.sgf";

    /// <summary>Loads an AlphaGo policy network checkpoint (SL or RL) for <paramref name="size"/>.</summary>
    /// <exception cref="InvalidDataException">Not a policy network checkpoint for this board (the message names the file).</exception>
    public static AlphaGoPolicyNet LoadPolicy(string path, int size)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"no policy checkpoint at '{path}'");
        nn.Module module;
        try { module = Checkpoint.Load(path).Model; }
        catch (CheckpointException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
        if (module is not AlphaGoPolicyNet net || net.Config.BoardSize != size)
        {
            module.Dispose();
            throw new InvalidDataException($"{path} is not an AlphaGo policy network for {size}x{size}");
        }
        net.eval();
        return net;
    }

    /// <summary>Generates games into <paramref name="outDirectory"/> until it holds <see cref="ValueDataOptions.Games"/>
    /// games (chunks already present are kept). <paramref name="sl"/> and <paramref name="rl"/> are only read.</summary>
    /// <param name="progress">Reports (games on disk, games wanted) after each chunk.</param>
    public static ValueDataSummary Generate(AlphaGoPolicyNet sl, AlphaGoPolicyNet rl, ValueDataOptions options, string outDirectory,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancel = default)
    {
        ValueDataOptions o = options.Validate();
        TorchRuntime.InitializeProcess(intraOpThreads: o.Threads);
        Directory.CreateDirectory(outDirectory);
        // Files are named by the range of game numbers they hold, so a rerun continues after the last one, whatever
        // the chunk size was.
        int done = Directory.GetFiles(outDirectory, "value-*.sgf").Select(f => ChunkName().Match(Path.GetFileName(f)))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        progress?.Report((Math.Min(done, o.Games), o.Games));
        sl.to(new torch.Device(o.Device));
        rl.to(new torch.Device(o.Device));
        int added = 0, early = 0, written = 0;
        PolicyGameOptions gameOptions = o.GameOptions();
        while (done < o.Games)
        {
            cancel.ThrowIfCancellationRequested();
            int count = Math.Min(o.ChunkGames, o.Games - done);
            var (records, ended) = PlayChunk(sl, rl, o, gameOptions, done, count, cancel);
            string text = Sgf.WriteCollection(records);
            AtomicFile.Write(Path.Combine(outDirectory, ChunkFile(done, done + count)), s => s.Write(Encoding.UTF8.GetBytes(text)));
            added += records.Count;
            early += ended;
            written++;
            done += count;
            progress?.Report((done, o.Games));
        }
        int inFiles = Directory.GetFiles(outDirectory, "value-*.sgf").Sum(f => Sgf.ReadFileText(f) is { } t && t.Trim().Length > 0 ? Sgf.ParseTrees(t).Count : 0);
        return new ValueDataSummary(done, inFiles, added, early, written);
    }

    /// <summary>The games number <paramref name="first"/> .. first + count - 1 (those that reached their move U) and how many ended before U.</summary>
    private static (List<GoRecord> Records, int EndedBeforeU) PlayChunk(AlphaGoPolicyNet sl, AlphaGoPolicyNet rl, ValueDataOptions o,
        PolicyGameOptions gameOptions, int first, int count, CancellationToken cancel)
    {
        ulong chunkSeed = o.Seed * 0x9E3779B97F4A7C15UL ^ (ulong)(first + 1) * 0xD1B54A32D192ED03UL;
        var rng = new Rng(chunkSeed);
        var u = new int[count];
        for (int i = 0; i < count; i++) u[i] = 1 + rng.NextInt(o.UMax);
        // Plies 0..U-2 (moves 1..U-1) by the SL policy, ply U-1 (move U) random, plies U.. by the RL policy.
        var setups = u.Select(x => PolicyGameSetup.Switch(0, 1, x)).ToList();
        PolicyGamesResult result = PolicyGames.Play([sl, rl], setups, gameOptions, chunkSeed ^ 0x2545F4914F6CDD1DUL,
            moveOverride: (g, s, r) => s.MoveNumber == u[g] - 1 ? PolicyGames.UniformLegalMove(s, r) : null, cancel: cancel);
        var records = new List<GoRecord>(count);
        int ended = 0;
        for (int g = 0; g < count; g++)
        {
            PolicyGame game = result.Games[g];
            if (game.Moves.Length < u[g] || game.Networks[u[g] - 1] != -1) { ended++; continue; }
            var state = new GoState(o.Size, o.Komi, Rules.TrompTaylor);
            foreach (int m in game.Moves) state.Play(state.ToMove, m);
            GoRecord r = GoRecord.FromState(state, game.Score.ResultString);
            r.Properties[ValuePositions.SampleProperty] = u[g].ToString(CultureInfo.InvariantCulture);
            r.Properties["GC"] = $"value data: SL policy moves 1..{u[g] - 1}, uniformly random move {u[g]}, RL policy after" +
                                 (o.RlTemperature is double t ? $" at temperature {t.ToString(CultureInfo.InvariantCulture)}" : "") +
                                 (game.Capped ? "; scored at the move cap" : "");
            records.Add(r);
        }
        return (records, ended);
    }
}
