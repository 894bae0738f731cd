using Sente.Cli;

namespace Sente.Tests;

/// <summary>Runs the `sente` command line in-process and captures its exit code and output.</summary>
internal static class SenteCli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = SenteApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
