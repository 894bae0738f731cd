namespace Sente.Cli;

internal static class Program
{
    private static int Main(string[] args) => SenteApp.Run(args);
}
