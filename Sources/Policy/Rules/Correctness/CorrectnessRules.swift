/// The template-correctness family, in id order: what `formation validate` runs.
///
/// Ids are stable and never reused: a retired check keeps its number out of circulation.
public enum CorrectnessRules {
  public static let all: [Rule] = [
    .unknownSection,  // TPL001
    .missingResources,  // TPL002
    .resourceWithoutType,  // TPL003
    .malformedResourceType,  // TPL004
    .unknownResourceAttribute,  // TPL005
    .undefinedRef,  // TPL006
    .undefinedGetAtt,  // TPL007
    .getAttOnParameter,  // TPL008
    .undefinedSubReference,  // TPL009
    .invalidDependsOn,  // TPL010
    .undefinedConditionAttribute,  // TPL011
    .undefinedIfCondition,  // TPL012
    .undefinedConditionFunction,  // TPL013
    .undefinedMapping,  // TPL014
    .dependencyCycle,  // TPL015
    .unusedParameter,  // TPL016
    .unusedCondition,  // TPL017
    .unknownOutputAttribute,  // TPL018
    .parameterWithoutType,  // TPL019
    .unknownParameterAttribute,  // TPL020
    .invalidLogicalID,  // TPL021
    .conditionCycle,  // TPL022
    .macroOutputNotChecked,  // TPL030
    .languageExtensionsAssumption,  // TPL031
    .unknownResourceType,  // SCH001
    .unknownProperty,  // SCH002
    .missingRequiredProperty,  // SCH003
    .unmetRequirementGroup,  // SCH004
    .wrongPropertyType,  // SCH005
    .valueNotAllowed,  // SCH006
    .valueOutOfRange,  // SCH007
    .valueLength,  // SCH008
    .patternMismatch,  // SCH009
    .unknownGetAttAttribute,  // SCH010
    .deprecatedLambdaRuntime,  // SCH011
    .readOnlyProperty,  // SCH012
    .invalidResourcePolicy,  // SCH013
    .moduleResourceAttribute,  // SCH014
    .dynamoDBAttributeDefinitions,  // SCH015
    .duplicateListItem,  // SCH016
    .parameterAndResourceShareName,  // SCH017
    .forEachWithoutTransform,  // SCH018
    .policyGrammar,  // SCH019
    .backupColdStorageRetention,  // SCH020
    .failoverWithoutReplica,  // SCH021
    .recordSetValues,  // SCH022
    .distributionAliases,  // SCH023
    .bucketACLWithoutOwnership,  // SCH024
    .nestedStackParameters,  // SCH025
    .databaseInstanceClass,  // SCH026
  ]
}
