import DossierCore
import Testing

@Suite struct ReporterColorChoiceTests {
  @Test func colourOnlyOnATerminalWithoutNoColor() {
    #expect(ColorChoice.useColor(outputIsTerminal: true, environment: [:]))
    #expect(ColorChoice.useColor(outputIsTerminal: true, environment: ["TERM": "xterm-256color"]))
    #expect(!ColorChoice.useColor(outputIsTerminal: false, environment: [:]))
    #expect(!ColorChoice.useColor(outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(!ColorChoice.useColor(outputIsTerminal: true, environment: ["NO_COLOR": "anything"]))
    #expect(!ColorChoice.useColor(outputIsTerminal: true, environment: ["TERM": "dumb"]))
    // An empty NO_COLOR does not count (no-color.org).
    #expect(ColorChoice.useColor(outputIsTerminal: true, environment: ["NO_COLOR": ""]))
  }
}
