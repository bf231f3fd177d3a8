#!/usr/bin/env python3
"""Writes Sources/Schemas/Data/resource-schemas.txt from cfn-lint's CloudFormation registry schemas.

`formation validate` checks resource properties against the registry schemas that cfn-lint
ships (with cfn-lint's corrections applied, including its `enumCaseInsensitive` and
`requiredXor` keywords). A type's schema comes from us-east-1, the largest set; a type only
published in other regions takes its schema from the first such region in name order.

The file is built for lazy loading, so that validating a template parses only the types it
uses:

    # header lines (source, format)
    runtime <TAB> name <TAB> deprecated <TAB> create-block <TAB> update-block <TAB> successor
    dbclass <TAB> engine <TAB> license models <TAB> DB instance classes
    type <TAB> name <TAB> offset <TAB> length                                    (the index)
    ...
    (one empty line; the body starts after it)
    one line of compact JSON per type, at the index's byte offset from the body's start

A type's JSON is {"a": GetAtt attributes, "r": read-only property paths, "n": nodes}. Node 0
is the resource's Properties; a node refers to others by position, so definitions that refer
to themselves stay finite. Node keys:

    t   JSON types, one letter each: s string, i integer, n number, b boolean, o object, a array
    p   {property: node}            c   1 when no other property is allowed
    pp  [[regex, node], ...]        ap  node of every other property's value (a map)
    i   node of every list element  e   enum values as text; ec 1 when compared case-insensitively
    pt  pattern                     mn, mx  minimum, maximum
    l   [minLength, maxLength]      k   [minItems, maxItems]   (null when unbounded)
    rq  required properties         dr  {property: properties it requires}
    dx  {property: properties that may not be set with it}
    u   1 when list elements must be unique
    g   requirement groups [["one"|"any", [[properties], ...]], ...] (oneOf, anyOf, requiredXor, requiredOr)

`oneOf`/`anyOf`/`allOf` alternatives that describe shapes are merged into their node (the
union of their properties and types), so a property any alternative allows is known; the
alternatives' `required` lists become a requirement group. `if`/`then` and `not` are not
carried: what they express is only approximated by the rest.

A `dbclass` line lists the RDS DB instance classes offered for an engine and license model in
at least one region (the union of cfn-lint's per-region `dbinstanceclass_enum.json`), sorted
and comma-separated. Its license models are comma-separated, `-` standing for "LicenseModel not
set"; license models of one engine with the same classes share a line.

Usage: scripts/resource-schema-data.py            (rewrites the data file)
       scripts/resource-schema-data.py --stdout   (prints it; the test compares the two)
"""

import importlib
import importlib.metadata
import json
import os
import pkgutil
import sys

PREFERRED_REGION = "us_east_1"
OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "Schemas", "Data", "resource-schemas.txt"
)
TYPE_LETTERS = {"string": "s", "integer": "i", "number": "n", "boolean": "b", "object": "o", "array": "a", "null": "z"}
SHAPE_KEYS = {"properties", "patternProperties", "additionalProperties", "type", "items", "$ref", "allOf", "oneOf", "anyOf"}


class Converter:
    """Turns one registry schema into the node list described above."""

    def __init__(self, schema):
        self.schema = schema
        self.nodes = []
        self.by_pointer = {}

    def resolve(self, pointer):
        if not pointer.startswith("#/"):
            raise SystemExit(f"{self.schema.get('typeName')}: unsupported $ref {pointer}")
        target = self.schema
        for segment in pointer[2:].split("/"):
            target = target[segment.replace("~1", "/").replace("~0", "~")]
        return target

    def node(self, schema):
        """The position of the node for `schema`, converting it (and what it refers to) once."""
        if isinstance(schema, dict) and set(schema) - {"description", "$comment"} == {"$ref"}:
            pointer = schema["$ref"]
            if pointer not in self.by_pointer:
                position = len(self.nodes)
                self.nodes.append(None)
                self.by_pointer[pointer] = position
                self.nodes[position] = self.convert(self.resolve(pointer))
            return self.by_pointer[pointer]
        position = len(self.nodes)
        self.nodes.append(None)
        self.nodes[position] = self.convert(schema)
        return position

    def flatten(self, schema, seen=()):
        """`schema` with `$ref` and `allOf` merged in, keeping `oneOf`/`anyOf` as lists of flattened alternatives."""
        if not isinstance(schema, dict):
            return {}
        result = {}
        if "$ref" in schema and schema["$ref"] not in seen:
            result = merge(result, self.flatten(self.resolve(schema["$ref"]), seen + (schema["$ref"],)))
        for part in schema.get("allOf", []):
            result = merge(result, self.flatten(part, seen))
        own = {k: v for k, v in schema.items() if k not in ("$ref", "allOf", "oneOf", "anyOf")}
        result = merge(result, own)
        for kind in ("oneOf", "anyOf"):
            if kind in schema:
                result.setdefault("alternatives", []).append(
                    (kind, [self.flatten(alternative, seen) for alternative in schema[kind]])
                )
        return result

    def convert(self, schema):
        flat = self.flatten(schema)
        node = {}
        types = letters(flat.get("type"))
        properties = dict(flat.get("properties", {}))
        closed = flat.get("additionalProperties") is False
        pattern_properties = list(flat.get("patternProperties", {}).items())
        groups = []
        for kind, alternatives in flat.get("alternatives", []):
            options = []
            shaped = [a for a in alternatives if set(a) & SHAPE_KEYS]
            for alternative in alternatives:
                options.append(sorted(alternative.get("required", [])))
            if shaped:
                alternative_types = set()
                for alternative in shaped:
                    alternative_types |= set(letters(alternative.get("type")) or "")
                    for name, value in alternative.get("properties", {}).items():
                        properties.setdefault(name, value)
                    pattern_properties += list(alternative.get("patternProperties", {}).items())
                    for key in ("items", "minItems", "maxItems"):
                        if key in alternative and key not in flat and len(shaped) == len(alternatives):
                            flat[key] = alternative[key]
                if not types and alternative_types and all(a.get("type") for a in shaped) and len(shaped) == len(alternatives):
                    types = "".join(sorted(alternative_types))
                # An object alternative open to any property opens the node, unless the node
                # itself is closed.
                if not closed and not flat.get("properties"):
                    closed = all(
                        a.get("additionalProperties") is False
                        for a in shaped
                        if "o" in (letters(a.get("type")) or "o") and (a.get("properties") or a.get("$ref"))
                    ) and any(a.get("properties") for a in shaped)
            if any(options) and not any(o == [] for o in options):
                groups.append(["one" if kind == "oneOf" else "any", options])
        if types:
            node["t"] = types
        if properties:
            node["p"] = {name: self.node(value) for name, value in properties.items()}
        if closed:
            node["c"] = 1
        if pattern_properties:
            node["pp"] = [[regex, self.node(value)] for regex, value in pattern_properties]
        additional = flat.get("additionalProperties")
        if isinstance(additional, dict) and additional:
            node["ap"] = self.node(additional)
        items = flat.get("items")
        if isinstance(items, dict) and items:
            node["i"] = self.node(items)
        if "enumCaseInsensitive" in flat:
            node["e"] = texts(flat["enumCaseInsensitive"])
            node["ec"] = 1
        elif "enum" in flat:
            node["e"] = texts(flat["enum"])
        elif "const" in flat:
            node["e"] = texts([flat["const"]])
        if isinstance(flat.get("pattern"), str):
            node["pt"] = flat["pattern"]
        for key, short in (("minimum", "mn"), ("maximum", "mx")):
            if isinstance(flat.get(key), (int, float)) and not isinstance(flat.get(key), bool):
                node[short] = flat[key]
        if "minLength" in flat or "maxLength" in flat:
            node["l"] = [flat.get("minLength"), flat.get("maxLength")]
        if "minItems" in flat or "maxItems" in flat:
            node["k"] = [flat.get("minItems"), flat.get("maxItems")]
        if flat.get("required"):
            node["rq"] = list(dict.fromkeys(flat["required"]))
        dependent = dict(flat.get("dependentRequired", {}))
        for name, value in flat.get("dependencies", {}).items():
            if isinstance(value, list):
                dependent.setdefault(name, value)
        if dependent:
            node["dr"] = dependent
        if flat.get("requiredXor"):
            groups.append(["one", [[name] for name in flat["requiredXor"]]])
        if flat.get("requiredOr"):
            groups.append(["any", [[name] for name in flat["requiredOr"]]])
        if flat.get("dependentExcluded"):
            node["dx"] = {name: list(value) for name, value in flat["dependentExcluded"].items()}
        if flat.get("uniqueItems") is True:
            node["u"] = 1
        if groups:
            node["g"] = groups
        return node


def merge(base, extra):
    """`extra` laid over `base`: properties, required and alternatives accumulate."""
    result = dict(base)
    for key, value in extra.items():
        if key == "properties" and key in result:
            result[key] = {**result[key], **{k: v for k, v in value.items() if k not in result[key]}}
        elif key == "required" and key in result:
            result[key] = result[key] + [name for name in value if name not in result[key]]
        elif key == "alternatives" and key in result:
            result[key] = result[key] + value
        else:
            result[key] = value
    return result


def texts(values):
    """Enum values as the template's text: `true`, `5`, `BUCKET_OWNER`."""
    result = []
    for value in values:
        if isinstance(value, bool):
            result.append("true" if value else "false")
        elif isinstance(value, float) and value.is_integer():
            result.append(str(int(value)))
        elif isinstance(value, (int, float, str)):
            result.append(str(value))
        else:
            result.append(json.dumps(value, separators=(",", ":")))
    return result


def letters(types):
    if types is None:
        return ""
    if isinstance(types, str):
        types = [types]
    return "".join(TYPE_LETTERS[t] for t in types if t in TYPE_LETTERS)


def getatt_attributes(schema):
    """The attributes `Fn::GetAtt` accepts, as cfn-lint computes them (`Outputs.*` for a pattern)."""
    from cfnlint.schema._schema import Schema

    return sorted(name.replace("\\.", ".") for name in Schema(schema).get_atts)


def readonly_paths(schema):
    result = []
    for pointer in schema.get("readOnlyProperties", []):
        if pointer.startswith("/properties/"):
            result.append(".".join(pointer[len("/properties/"):].split("/")))
    return sorted(set(result))


def runtimes():
    specs = importlib.import_module("cfnlint.data.AdditionalSpecs")
    with open(os.path.join(os.path.dirname(specs.__file__), "LmbdRuntimeLifecycle.json")) as handle:
        lifecycle = json.load(handle)
    lines = []
    for name in sorted(lifecycle):
        entry = lifecycle[name]
        lines.append("\t".join(["runtime", name, entry.get("deprecated", ""), entry.get("create-block", ""), entry.get("update-block", ""), entry.get("successor") or ""]))
    return lines


def instance_classes():
    """One `dbclass` line per engine and set of classes, in engine order."""
    extension = importlib.import_module("cfnlint.data.schemas.extensions.aws_rds_dbinstance")
    with open(os.path.join(os.path.dirname(extension.__file__), "dbinstanceclass_enum.json")) as handle:
        regions = json.load(handle)
    offered = {}
    for region in regions.values():
        for case in region["allOf"]:
            condition = case["if"]["properties"]
            license = condition.get("LicenseModel")
            key = (condition["Engine"]["const"], license["const"] if isinstance(license, dict) else "-")
            offered.setdefault(key, set()).update(case["then"]["properties"]["DBInstanceClass"]["enum"])
    lines = {}
    for (engine, license), classes in offered.items():
        lines.setdefault((engine, ",".join(sorted(classes))), []).append(license)
    return [
        "\t".join(["dbclass", engine, ",".join(sorted(licenses)), classes])
        for (engine, classes), licenses in sorted(lines.items(), key=lambda item: (item[0][0], sorted(item[1])))
    ]


def schema_files():
    """Type name -> schema file, us-east-1 first, then every other region in name order."""
    providers = importlib.import_module("cfnlint.data.schemas.providers")
    regions = sorted(m.name for m in pkgutil.iter_modules(providers.__path__))
    regions.remove(PREFERRED_REGION)
    files = {}
    for region in [PREFERRED_REGION] + regions:
        module = importlib.import_module(f"cfnlint.data.schemas.providers.{region}")
        for type_name, digest in module.types.items():
            if "::" in type_name:  # "Module" is a template fragment, not a resource type.
                files.setdefault(type_name, digest)
    return files


def apply_patches(schema, directory):
    """Applies cfn-lint's patches for the type (the service models' enums, lengths and patterns)
    one operation at a time.

    cfn-lint applies a patch file as one JSON Patch, so one operation that no longer fits the
    schema loses every operation after it (DynamoDB's BillingMode enum among them); here an
    operation that does not apply is skipped alone.
    """
    import jsonpatch

    if not os.path.isdir(directory):
        return
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(directory, name)) as handle:
            operations = json.load(handle)
        for operation in operations:
            try:
                jsonpatch.JsonPatch([operation]).apply(schema, in_place=True)
            except Exception:  # an operation whose target moved: cfn-lint does not apply it either
                pass


def render():
    schemas = importlib.import_module("cfnlint.data.schemas")
    base = os.path.dirname(schemas.__file__)
    version = importlib.metadata.version("cfn-lint")
    header = [
        f"# Formation resource schemas, written by scripts/resource-schema-data.py from cfn-lint {version} "
        "registry schemas. Do not edit by hand.",
        "# runtime/dbclass/type lines, one empty line, then one JSON line per type at its index offset.",
    ]
    header += runtimes()
    header += instance_classes()
    bodies = []
    index = []
    offset = 0
    files = schema_files()
    for type_name in sorted(files):
        with open(os.path.join(base, "resources", files[type_name] + ".json")) as handle:
            schema = json.load(handle)
        apply_patches(schema, os.path.join(base, "patches", "extensions", "all", type_name.lower().replace("::", "_")))
        converter = Converter(schema)
        converter.node({k: v for k, v in schema.items() if k in ("properties", "required", "oneOf", "anyOf", "allOf", "dependentRequired", "dependencies", "requiredXor", "requiredOr", "dependentExcluded", "additionalProperties")} | {"type": "object"})
        entry = {"a": getatt_attributes(schema), "r": readonly_paths(schema), "n": converter.nodes}
        line = json.dumps(entry, separators=(",", ":"), ensure_ascii=False, sort_keys=False).encode("utf-8") + b"\n"
        index.append(f"type\t{type_name}\t{offset}\t{len(line) - 1}")
        bodies.append(line)
        offset += len(line)
    text = "\n".join(header + index) + "\n\n"
    return text.encode("utf-8") + b"".join(bodies)


def main():
    data = render()
    if "--stdout" in sys.argv:
        sys.stdout.buffer.write(data)
    else:
        with open(OUTPUT, "wb") as handle:
            handle.write(data)


if __name__ == "__main__":
    main()
