import Testing

@testable import OrgChart

/// Pages are drawn at whole-hundredth scales where the floor allows: pages at one scale
/// share their fonts as scaled.
@Suite struct PrintScaleTests {
    @Test("A scale is taken down to a whole hundredth, never below the floor, never above 1")
    func steadyScales() {
        let print = PrintSettings()
        #expect(print.steadyScale(1, smallestType: 9) == 1)
        #expect(print.steadyScale(0.876_5, smallestType: 9) == 0.87)
        #expect(print.steadyScale(0.95, smallestType: 9) == 0.95)
        // 9 pt at 0.78 is 7.02 pt; at 0.779 taken down to 0.77 it would be 6.93 pt.
        #expect(print.steadyScale(0.779_9, smallestType: 9) == 0.779_9)
        #expect(print.steadyScale(0.789_9, smallestType: 9) == 0.78)
        for step in 1..<1_000 {
            let scale = Double(step) / 1_000
            let steady = print.steadyScale(scale, smallestType: 10)
            #expect(steady <= scale && scale - steady < 0.01)
            #expect(steady * 10 >= print.minText - 1e-9 || steady == scale)
        }
    }
}
