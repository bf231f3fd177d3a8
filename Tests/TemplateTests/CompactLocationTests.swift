import Testing

@testable import Template

/// `SourceLocation` stores an interned file number, and the reader shares long strings; both
/// must stay invisible: locations compare, hash, order and print by file name, and a shared
/// string is the same text.
@Suite struct CompactLocationTests {
  @Test func locationsCompareByFileNameLineAndColumn() {
    let a = SourceLocation(file: "stacks/network.yaml", line: 3, column: 7)
    let same = SourceLocation(file: "stacks/" + "network.yaml", line: 3, column: 7)
    #expect(a == same)
    #expect(a.hashValue == same.hashValue)
    #expect(a != SourceLocation(file: "stacks/network.yml", line: 3, column: 7))
    #expect(a != SourceLocation(file: "stacks/network.yaml", line: 3, column: 8))
    #expect(a.file == "stacks/network.yaml")
    #expect(a.line == 3)
    #expect(a.column == 7)
    #expect(a.description == "stacks/network.yaml:3:7")
  }

  @Test func locationsOrderByFileNameThenLineThenColumn() {
    // "b.yaml" is interned before "a.yaml": the order must still be the names' order.
    let b = SourceLocation(file: "zz-order-b.yaml", line: 1, column: 1)
    let a = SourceLocation(file: "zz-order-a.yaml", line: 9, column: 9)
    #expect(a < b)
    #expect(!(b < a))
    #expect(
      SourceLocation(file: "zz-order-a.yaml", line: 2, column: 1)
        < SourceLocation(file: "zz-order-a.yaml", line: 10, column: 1))
    #expect(
      SourceLocation(file: "zz-order-a.yaml", line: 2, column: 3)
        < SourceLocation(file: "zz-order-a.yaml", line: 2, column: 4))
  }

  @Test func changingTheFileNameKeepsLineAndColumn() {
    var location = SourceLocation(file: "old.yaml", line: 12, column: 5)
    location.file = "new.yaml"
    #expect(location == SourceLocation(file: "new.yaml", line: 12, column: 5))
    location.line = 13
    #expect(location.description == "new.yaml:13:5")
  }

  @Test func anEmptyFileNameIsALocationToo() {
    let location = SourceLocation(file: "", line: 1, column: 1)
    #expect(Value(.null, at: location).location == location)
    #expect(Value(.null).location == nil)
  }

  @Test func aValueKeepsItsLocationAndLosesItWhenCleared() {
    var value = Value(.string("x"), at: SourceLocation(file: "v.yaml", line: 4, column: 2))
    #expect(value.location?.description == "v.yaml:4:2")
    value.location = nil
    #expect(value.location == nil)
  }

  @Test func repeatedLongScalarsAndKeysReadAsTheSameText() throws {
    let name = "ServerSideEncryptionConfiguration"
    let text = """
      Resources:
        A:
          Type: AWS::DynamoDB::Table
          Properties:
            \(name): lambda.amazonaws.com
        B:
          Type: AWS::DynamoDB::Table
          Properties:
            \(name): 'lambda.amazonaws.com'
      """
    let template = try Template.parse(text, file: "shared.yaml")
    for id in ["A", "B"] {
      let resource = try #require(template.resources[id])
      #expect(resource.type == "AWS::DynamoDB::Table")
      #expect(resource.properties.keys == [name])
      #expect(resource.properties[name] == "lambda.amazonaws.com")
    }
    #expect(
      template.resources["B"]?.properties.entry(name)?.keyLocation?.description == "shared.yaml:9:7"
    )
  }

  @Test func theStringTableSharesEqualBytesAndSeparatesDifferentOnes() {
    let table = StringTable(slots: 2)
    var made: [String] = []
    // Enough distinct strings to make the table grow several times.
    for round in 0..<2 {
      for index in 0..<100 {
        let text = "a-long-property-name-number-\(index)"
        let string = Array(text.utf8).withUnsafeBufferPointer { table.string($0) }
        #expect(string == text)
        if round == 0 { made.append(string) } else { #expect(string == made[index]) }
      }
    }
    let short = Array("Type".utf8).withUnsafeBufferPointer { table.string($0) }
    #expect(short == "Type")
  }
}
