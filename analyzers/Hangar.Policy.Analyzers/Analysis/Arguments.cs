using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hangar.Policy.Analyzers.Analysis;

/// <summary>Reads the constant values out of an invocation's arguments.</summary>
internal static class Arguments
{
    /// <summary>The argument bound to the parameter called <paramref name="name"/>, or null.</summary>
    public static IArgumentOperation? Named(IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name)
                return argument;
        }
        return null;
    }

    /// <summary>The argument's constant value, or null when it is not a compile-time constant.</summary>
    public static object? Constant(IArgumentOperation? argument) =>
        argument is not null && argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.ConstantValue.HasValue
            ? argument.Value.ConstantValue.Value
            : null;

    /// <summary>True when the argument was written (not filled in from the parameter's default).</summary>
    public static bool IsGiven(IArgumentOperation? argument) =>
        argument is not null && argument.ArgumentKind != ArgumentKind.DefaultValue;

    /// <summary>
    /// The outermost constant values inside <paramref name="operation"/> (array and collection elements, params
    /// arrays), with the operation that holds each. Invocations and lambdas inside are not entered.
    /// </summary>
    public static IEnumerable<(IOperation Operation, object Value)> Constants(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            if (operation.ConstantValue.Value is { } value)
                yield return (operation, value);
            yield break;
        }
        if (operation is IInvocationOperation or IAnonymousFunctionOperation or IObjectCreationOperation)
            yield break;
        // An array's dimension sizes are constants too, but not values of the argument.
        var children = operation is IArrayCreationOperation array
            ? (array.Initializer is null ? System.Linq.Enumerable.Empty<IOperation>() : array.Initializer.ElementValues)
            : operation.ChildOperations;
        foreach (var child in children)
        {
            foreach (var found in Constants(child))
                yield return found;
        }
    }

    /// <summary>True when every value inside <paramref name="operation"/> is a constant (a fully literal collection).</summary>
    public static bool AllConstant(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
            return true;
        if (operation is IInvocationOperation or IAnonymousFunctionOperation or IObjectCreationOperation
            or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
            return false;
        foreach (var child in operation.ChildOperations)
        {
            if (!AllConstant(child))
                return false;
        }
        return true;
    }
}
