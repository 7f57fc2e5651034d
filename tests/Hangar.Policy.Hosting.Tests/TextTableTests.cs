using Hangar.Policy.Hosting.Commands;

namespace Hangar.Policy.Hosting.Tests;

public sealed class TextTableTests
{
    [Fact]
    public void Format_PadsEveryColumnButTheLastToItsWidestCell()
    {
        var text = TextTable.Format([["ENGINE", "VERSION", "WHY"], ["tetragon", "1.7.0", "a long reason"], ["np", "-", "x"]]);

        Assert.Equal("ENGINE    VERSION  WHY\ntetragon  1.7.0    a long reason\nnp        -        x\n", text);
    }

    [Fact]
    public void Format_NoRows_IsEmpty() => Assert.Equal("", TextTable.Format([]));
}
