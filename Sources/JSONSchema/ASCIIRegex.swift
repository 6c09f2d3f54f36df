/// A small automaton for the common subset of ECMA-262 patterns written in ASCII (literals,
/// classes, `.`, groups, alternation, quantifiers, `^`, `$`, `\b`, `\d`, `\w`, `\s`).
///
/// It runs as a DFA (or, with `\b` or inner `^`, an NFA simulation): no backtracking, linear in
/// the input, so patterns like `^(a+)+$` cannot hang, and much faster than bridging to
/// `NSRegularExpression`. Non-ASCII input is mapped to three symbol classes, which is exact
/// for ASCII-only patterns. Patterns outside the subset use `NSRegularExpression`.
final class ASCIIRegex: Sendable {
  /// A set of input symbols: the 128 ASCII bytes plus three classes of non-ASCII scalars
  /// (`otherSymbol`, `lineSeparatorSymbol` for U+2028/U+2029, `spaceSymbol` for ECMA-262's
  /// non-ASCII white space), which is all an ASCII-only pattern can tell apart.
  struct ByteSet: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var extra: UInt8 = 0
    func contains(_ b: UInt8) -> Bool {
      if b < 64 { return low & (1 << UInt64(b)) != 0 }
      if b < 128 { return high & (1 << UInt64(b - 64)) != 0 }
      return b < 131 && extra & (1 << (b - 128)) != 0
    }
    mutating func insert(_ b: UInt8) {
      if b < 64 {
        low |= 1 << UInt64(b)
      } else if b < 128 {
        high |= 1 << UInt64(b - 64)
      } else if b < 131 {
        extra |= 1 << (b - 128)
      }
    }
    mutating func insert(range: ClosedRange<UInt8>) { for b in range { insert(b) } }
    mutating func formUnion(_ o: ByteSet) {
      low |= o.low
      high |= o.high
      extra |= o.extra
    }
    var inverted: ByteSet { ByteSet(low: ~low, high: ~high, extra: ~extra & 0b111) }

    static let digit: ByteSet = {
      var s = ByteSet()
      s.insert(range: 0x30...0x39)
      return s
    }()
    static let word: ByteSet = {
      var s = digit
      s.insert(range: 0x41...0x5A)
      s.insert(range: 0x61...0x7A)
      s.insert(0x5F)
      return s
    }()
    static let space: ByteSet = {
      var s = ByteSet()
      for b: UInt8 in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20] { s.insert(b) }
      s.insert(lineSeparatorSymbol)
      s.insert(spaceSymbol)
      return s
    }()
    static let dot: ByteSet = {
      var s = ByteSet().inverted
      s.low &= ~(1 << 0x0A)
      s.low &= ~(1 << 0x0D)
      s.extra &= ~(1 << (lineSeparatorSymbol - 128))
      return s
    }()
  }

  static let otherSymbol: UInt8 = 128
  static let lineSeparatorSymbol: UInt8 = 129
  static let spaceSymbol: UInt8 = 130
  static let symbolCount = 131

  /// The input symbol of a scalar.
  static func symbol(_ scalar: Unicode.Scalar) -> UInt8 {
    let v = scalar.value
    if v < 128 { return UInt8(v) }
    switch v {
    case 0x2028, 0x2029: return lineSeparatorSymbol
    case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0xFEFF: return spaceSymbol
    default: return otherSymbol
    }
  }

  /// Searches a string for a match anywhere (ASCII bytes directly, other text as symbols).
  func matches(_ string: String) -> Bool {
    var text = string
    if let ascii = text.withUTF8({ buffer -> Bool? in
      for b in buffer where b >= 0x80 { return nil }
      return matches(buffer)
    }) {
      return ascii
    }
    let symbols = string.unicodeScalars.map(ASCIIRegex.symbol)
    return symbols.withUnsafeBufferPointer { matches($0) }
  }

  indirect enum Node {
    case set(ByteSet)
    case sequence([Node])
    case alternation([Node])
    case repetition(Node, min: Int, max: Int?)
    case start
    case end
    case wordBoundary(Bool)
  }

  enum Instruction: Sendable {
    case byte(ByteSet)
    case split(Int, Int)
    case jump(Int)
    case assertStart
    case assertEnd
    case wordBoundary(Bool)
    case match
  }

  let program: [Instruction]
  let anchored: Bool
  /// A DFA over ASCII bytes, when the pattern has no word boundaries and `^` only at the start.
  let dfa: DFA?

  struct DFA: Sendable {
    /// `transitions[state * symbolCount + symbol]`; -1 is the dead state.
    let transitions: [Int16]
    let acceptsNow: [Bool]
    let acceptsAtEnd: [Bool]
    let start: Int
  }

  /// Compiles the pattern, or returns `nil` when it is outside the supported subset.
  init?(_ pattern: String) {
    var parser = Parser(scalars: Array(pattern.unicodeScalars))
    guard let node = parser.parseAlternation(), parser.position == parser.scalars.count else { return nil }
    var program: [Instruction] = []
    guard ASCIIRegex.emit(node, into: &program) else { return nil }
    program.append(.match)
    guard program.count <= 4096 else { return nil }
    self.program = program
    if case .sequence(let items) = node, case .start = items.first {
      anchored = true
    } else {
      anchored = false
    }
    self.dfa = ASCIIRegex.buildDFA(program, anchored: anchored)
  }

  /// Most NFA states the subset construction may visit (closures, transitions and state hashing
  /// counted together) before it gives up and leaves the pattern to the NFA simulation, which is
  /// linear in the input too. Ordinary patterns need a few thousand; without the bound a pattern of
  /// many alternatives (found by the `schema` fuzz target, issue 17) took seconds to compile.
  static let dfaBuildBudget = 1_000_000

  /// Subset construction; `nil` when unsupported, larger than 512 states, or costlier to build than
  /// `dfaBuildBudget`.
  static func buildDFA(_ program: [Instruction], anchored: Bool) -> DFA? {
    for (pc, instruction) in program.enumerated() {
      switch instruction {
      case .wordBoundary: return nil
      case .assertStart where pc != 0 || !anchored: return nil
      default: break
      }
    }
    // Symbols no byte set of the program tells apart share a class; transitions are computed
    // once per class (a pattern of letters and digits has a few dozen classes, not 131).
    var classOf = [Int](repeating: 0, count: ASCIIRegex.symbolCount)
    var classCount = 1
    var seenSets = Set<ByteSet>()
    for instruction in program where classCount < ASCIIRegex.symbolCount {
      guard case .byte(let set) = instruction, seenSets.insert(set).inserted else { continue }
      // Split every class by membership in `set`, then renumber the classes densely.
      var inside = [Int](repeating: -1, count: classCount)
      var refined = classCount
      for symbol in 0..<ASCIIRegex.symbolCount where set.contains(UInt8(symbol)) {
        let old = classOf[symbol]
        if inside[old] < 0 {
          inside[old] = refined
          refined += 1
        }
        classOf[symbol] = inside[old]
      }
      var dense = [Int](repeating: -1, count: refined)
      classCount = 0
      for symbol in 0..<ASCIIRegex.symbolCount {
        let c = classOf[symbol]
        if dense[c] < 0 {
          dense[c] = classCount
          classCount += 1
        }
        classOf[symbol] = dense[c]
      }
    }
    var representative = [Int](repeating: -1, count: classCount)
    for symbol in 0..<ASCIIRegex.symbolCount where representative[classOf[symbol]] < 0 {
      representative[classOf[symbol]] = symbol
    }

    var work = 0
    func isMatch(_ pc: Int) -> Bool {
      if case .match = program[pc] { return true }
      return false
    }
    func isEnd(_ pc: Int) -> Bool {
      if case .assertEnd = program[pc] { return true }
      return false
    }
    // Closure of a set of pcs; assertEnd is kept pending unless `atEnd`.
    func closure(_ seeds: [Int], atEnd: Bool) -> Set<Int> {
      var result = Set<Int>()
      var stack = seeds
      while let pc = stack.popLast() {
        guard result.insert(pc).inserted else { continue }
        switch program[pc] {
        case .jump(let t): stack.append(t)
        case .split(let a, let b): stack.append(contentsOf: [a, b])
        case .assertStart: stack.append(pc + 1)
        case .assertEnd: if atEnd { stack.append(pc + 1) }
        default: break
        }
      }
      work += result.count
      return result
    }
    let restart: Set<Int> = anchored ? [] : closure([0], atEnd: false)
    let initial = anchored ? closure([1], atEnd: false) : restart
    var states: [Set<Int>] = [initial]
    var ids: [Set<Int>: Int] = [initial: 0]
    var transitions: [Int16] = []
    var acceptsNow: [Bool] = []
    var acceptsAtEnd: [Bool] = []
    var index = 0
    var classTargets = [Int16](repeating: -1, count: classCount)
    while index < states.count {
      let state = states[index]
      let now = state.contains(where: isMatch)
      acceptsNow.append(now)
      let endClosure = closure(state.filter(isEnd), atEnd: true)
      acceptsAtEnd.append(now || endClosure.contains(where: isMatch))
      for symbolClass in 0..<classCount {
        let byte = UInt8(representative[symbolClass])
        var seeds: [Int] = []
        for pc in state {
          if case .byte(let set) = program[pc], set.contains(byte) { seeds.append(pc + 1) }
        }
        var next = closure(seeds, atEnd: false)
        next.formUnion(restart)
        work += state.count + next.count
        guard work <= dfaBuildBudget else { return nil }
        if next.isEmpty {
          classTargets[symbolClass] = -1
        } else if let id = ids[next] {
          classTargets[symbolClass] = Int16(id)
        } else {
          guard states.count < 512 else { return nil }
          ids[next] = states.count
          classTargets[symbolClass] = Int16(states.count)
          states.append(next)
        }
      }
      for symbol in 0..<ASCIIRegex.symbolCount { transitions.append(classTargets[classOf[symbol]]) }
      index += 1
    }
    return DFA(transitions: transitions, acceptsNow: acceptsNow, acceptsAtEnd: acceptsAtEnd, start: 0)
  }

  struct Parser {
    let scalars: [Unicode.Scalar]
    var position = 0

    mutating func parseAlternation() -> Node? {
      var branches: [Node] = []
      while true {
        guard let branch = parseSequence() else { return nil }
        branches.append(branch)
        if position < scalars.count && scalars[position] == "|" {
          position += 1
          continue
        }
        break
      }
      return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() -> Node? {
      var items: [Node] = []
      while position < scalars.count && scalars[position] != "|" && scalars[position] != ")" {
        guard var atom = parseAtom() else { return nil }
        if let (low, high) = parseQuantifier() {
          if case .start = atom { return nil }
          if case .end = atom { return nil }
          atom = .repetition(atom, min: low, max: high)
          if position < scalars.count && scalars[position] == "?" { position += 1 }  // lazy: same language
        }
        items.append(atom)
      }
      return .sequence(items)
    }

    mutating func parseQuantifier() -> (Int, Int?)? {
      guard position < scalars.count else { return nil }
      switch scalars[position] {
      case "*":
        position += 1
        return (0, nil)
      case "+":
        position += 1
        return (1, nil)
      case "?":
        position += 1
        return (0, 1)
      case "{":
        var i = position + 1
        func number() -> Int? {
          var value = 0
          var digits = 0
          while i < scalars.count, scalars[i].value >= 0x30 && scalars[i].value <= 0x39 {
            value = min(value * 10 + Int(scalars[i].value - 0x30), 100_000)
            digits += 1
            i += 1
          }
          return digits > 0 ? value : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if i < scalars.count && scalars[i] == "," {
          i += 1
          high = number()
        }
        guard i < scalars.count && scalars[i] == "}" else { return nil }
        position = i + 1
        return (low, high)
      default:
        return nil
      }
    }

    mutating func parseAtom() -> Node? {
      let c = scalars[position]
      guard c.isASCII else { return nil }
      position += 1
      switch c {
      case "(":
        if position < scalars.count && scalars[position] == "?" {
          guard position + 1 < scalars.count else { return nil }
          if scalars[position + 1] == ":" {
            position += 2
          } else if scalars[position + 1] == "<", position + 2 < scalars.count, scalars[position + 2] != "=",
            scalars[position + 2] != "!"
          {
            guard let close = scalars[position...].firstIndex(of: ">") else { return nil }
            position = close + 1
          } else {
            return nil  // lookarounds
          }
        }
        guard let inner = parseAlternation(), position < scalars.count, scalars[position] == ")" else {
          return nil
        }
        position += 1
        return inner
      case "[":
        return parseClass()
      case ".":
        return .set(ByteSet.dot)
      case "^":
        return .start
      case "$":
        return .end
      case "\\":
        guard position < scalars.count else { return nil }
        let e = scalars[position]
        position += 1
        switch e {
        case "b": return .wordBoundary(true)
        case "B": return .wordBoundary(false)
        default:
          guard let set = escapeSet(e) else { return nil }
          return .set(set)
        }
      case "*", "+", "?", "{", "}", "]", ")", "|":
        return nil
      default:
        var s = ByteSet()
        s.insert(UInt8(c.value))
        return .set(s)
      }
    }

    func escapeSet(_ e: Unicode.Scalar) -> ByteSet? {
      var s = ByteSet()
      switch e {
      case "d": return .digit
      case "D": return ByteSet.digit.inverted
      case "w": return .word
      case "W": return ByteSet.word.inverted
      case "s": return .space
      case "S": return ByteSet.space.inverted
      case "t": s.insert(0x09)
      case "n": s.insert(0x0A)
      case "v": s.insert(0x0B)
      case "f": s.insert(0x0C)
      case "r": s.insert(0x0D)
      default:
        guard e.isASCII, "^$\\.*+?()[]{}|/-".unicodeScalars.contains(e) else { return nil }
        s.insert(UInt8(e.value))
      }
      return s
    }

    mutating func parseClass() -> Node? {
      var negated = false
      if position < scalars.count && scalars[position] == "^" {
        negated = true
        position += 1
      }
      var set = ByteSet()
      var previous: UInt8?
      var first = true
      while position < scalars.count {
        let c = scalars[position]
        guard c.isASCII else { return nil }
        if c == "]" {
          position += 1
          if first { return negated ? .set(ByteSet().inverted) : .set(ByteSet()) }
          return .set(negated ? set.inverted : set)
        }
        first = false
        position += 1
        var single: UInt8?
        if c == "\\" {
          guard position < scalars.count else { return nil }
          let e = scalars[position]
          position += 1
          if e == "b" {
            single = 0x08
          } else {
            guard let s = escapeSet(e) else { return nil }
            if ["d", "D", "w", "W", "s", "S"].contains(e) {
              set.formUnion(s)
              previous = nil
              continue
            }
            single = UInt8(
              truncatingIfNeeded: s.low != 0 ? s.low.trailingZeroBitCount : 64 + s.high.trailingZeroBitCount)
          }
        } else if c == "-", let low = previous, position < scalars.count, scalars[position] != "]" {
          // A range low-high.
          var high = scalars[position]
          position += 1
          if high == "\\" {
            guard position < scalars.count else { return nil }
            let e = scalars[position]
            position += 1
            guard !["d", "D", "w", "W", "s", "S"].contains(e), let s = escapeSet(e) else { return nil }
            high = Unicode.Scalar(
              UInt8(s.low != 0 ? s.low.trailingZeroBitCount : 64 + s.high.trailingZeroBitCount))
          }
          guard high.isASCII, UInt8(high.value) >= low else { return nil }
          set.insert(range: low...UInt8(high.value))
          previous = nil
          continue
        } else {
          single = UInt8(c.value)
        }
        if let single {
          set.insert(single)
          previous = single
        }
      }
      return nil
    }
  }

  static func emit(_ node: Node, into program: inout [Instruction]) -> Bool {
    guard program.count <= 4096 else { return false }
    switch node {
    case .set(let s): program.append(.byte(s))
    case .start: program.append(.assertStart)
    case .end: program.append(.assertEnd)
    case .wordBoundary(let b): program.append(.wordBoundary(b))
    case .sequence(let items):
      for item in items where !emit(item, into: &program) { return false }
    case .alternation(let branches):
      var jumps: [Int] = []
      for (i, branch) in branches.enumerated() {
        if i < branches.count - 1 {
          let split = program.count
          program.append(.split(split + 1, 0))
          guard emit(branch, into: &program) else { return false }
          jumps.append(program.count)
          program.append(.jump(0))
          program[split] = .split(split + 1, program.count)
        } else {
          guard emit(branch, into: &program) else { return false }
        }
      }
      for j in jumps { program[j] = .jump(program.count) }
    case .repetition(let body, let low, let high):
      for _ in 0..<low where !emit(body, into: &program) { return false }
      if let high {
        guard high >= low else { return false }
        var splits: [Int] = []
        for _ in low..<high {
          splits.append(program.count)
          program.append(.split(program.count + 1, 0))
          guard emit(body, into: &program) else { return false }
        }
        for s in splits { program[s] = .split(s + 1, program.count) }
      } else {
        let loop = program.count
        program.append(.split(loop + 1, 0))
        guard emit(body, into: &program) else { return false }
        program.append(.jump(loop))
        program[loop] = .split(loop + 1, program.count)
      }
    }
    return true
  }

  /// Searches input symbols (ASCII bytes or `symbol(_:)` values) for a match anywhere.
  func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if let dfa {
      var state = dfa.start
      if dfa.acceptsNow[state] { return true }
      for b in bytes {
        let next = Int(dfa.transitions[state &* ASCIIRegex.symbolCount &+ Int(b)])
        if next < 0 { return false }
        state = next
        if dfa.acceptsNow[state] { return true }
      }
      return dfa.acceptsAtEnd[state]
    }
    return simulate(bytes)
  }

  /// NFA simulation (patterns without a DFA).
  func simulate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = program.count
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: count * 5 + 2) { buffer -> Bool in
      let marks = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
      var current = UnsafeMutableBufferPointer(rebasing: buffer[count..<(2 * count)])
      var next = UnsafeMutableBufferPointer(rebasing: buffer[(2 * count)..<(3 * count)])
      let stack = UnsafeMutableBufferPointer(rebasing: buffer[(3 * count)..<(5 * count + 2)])
      for i in 0..<count { marks[i] = -1 }
      var currentCount = 0
      var nextCount = 0
      var generation = 0
      var matched = false
      let n = bytes.count

      func isWord(_ i: Int) -> Bool { i >= 0 && i < n && ByteSet.word.contains(bytes[i]) }

      // Adds the closure of `pc` at input position `position` to `list`.
      func add(_ pc: Int, _ position: Int, _ list: UnsafeMutableBufferPointer<Int>, _ listCount: inout Int) {
        var top = 0
        stack[top] = pc
        top += 1
        while top > 0 {
          top -= 1
          let p = stack[top]
          if marks[p] == generation { continue }
          marks[p] = generation
          switch program[p] {
          case .byte:
            list[listCount] = p
            listCount += 1
          case .match:
            matched = true
          case .jump(let target):
            stack[top] = target
            top += 1
          case .split(let a, let b):
            stack[top] = b
            top += 1
            stack[top] = a
            top += 1
          case .assertStart:
            if position == 0 {
              stack[top] = p + 1
              top += 1
            }
          case .assertEnd:
            if position == n {
              stack[top] = p + 1
              top += 1
            }
          case .wordBoundary(let expected):
            if (isWord(position - 1) != isWord(position)) == expected {
              stack[top] = p + 1
              top += 1
            }
          }
        }
      }

      generation = 1
      add(0, 0, current, &currentCount)
      if matched { return true }
      var position = 0
      while position < n {
        generation += 1
        nextCount = 0
        let b = bytes[position]
        for k in 0..<currentCount {
          let pc = current[k]
          if case .byte(let set) = program[pc], set.contains(b) {
            add(pc + 1, position + 1, next, &nextCount)
          }
        }
        if !anchored { add(0, position + 1, next, &nextCount) }
        if matched { return true }
        if nextCount == 0 && anchored { return false }
        swap(&current, &next)
        currentCount = nextCount
        position += 1
      }
      return matched
    }
  }
}
