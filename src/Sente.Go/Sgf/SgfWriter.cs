using System.Text;

namespace Sente.Go;

/// <summary>Writes SGF trees: the main line as a sequence, variations in parentheses. Values are written raw (see
/// <see cref="SgfProperty"/>), so parse-then-write keeps every property. Iterative (no recursion).</summary>
internal static class SgfWriter
{
    public static void WriteTree(StringBuilder sb, SgfNode root)
    {
        // Work items: (node, true) writes "(" then the node; (node, false) writes the node; (null, _) writes ")".
        var stack = new Stack<(SgfNode? Node, bool Open)>();
        stack.Push((null, false));
        stack.Push((root, true));
        while (stack.Count > 0)
        {
            var (node, open) = stack.Pop();
            if (node is null) { sb.Append(')'); continue; }
            if (open) sb.Append('(');
            sb.Append(';');
            foreach (SgfProperty p in node.Properties)
            {
                sb.Append(p.Name);
                foreach (string v in p.RawValues) sb.Append('[').Append(v).Append(']');
            }
            if (node.Children.Count == 1) stack.Push((node.Children[0], false));
            else
                for (int i = node.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push((null, false));
                    stack.Push((node.Children[i], true));
                }
        }
    }
}
