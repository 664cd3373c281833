@testable import OrgModel
@testable import OrgSupport

/// Synthetic HR extracts for the importer's tests (every name invented).
enum ExtractFixtures {
    static let mappingText = """
        columns:
          id: Position ID
          reports_to: Parent Position
          title: Job Title
          holder: Employee Name
          grade: Grade
          fte: FTE
          cost: Annual Cost
          temporary: Contract
        tiers:
          Director: 2
          AD: 3
          HoS: 4
        values:
          temporary:
            Fixed Term: yes
            Permanent: no
        vacant_holders: [Vacant]
        dates: [Start Date]
        drop: [NI Number]
        structure:
          name: Test import
          organisation: Example Council
          state: current
          effective: 2024-04-01
        """

    static func mapping(_ text: String = mappingText) throws(LoadError) -> ImportMapping {
        try ImportMappingReader.parse(text, file: "mapping.yaml")
    }

    static let header =
        "Position ID,Parent Position,Job Title,Employee Name,Grade,FTE,Annual Cost,Contract,Start Date,NI Number,Cost Centre"

    /// Good rows: a director, an AD, a vacant head of service, a fixed-term line.
    static let goodRows = [
        "P1,,Director of Children's Services,Robin Fictional,Director,1,\"£150,000\",Permanent,01/09/2019,QQ000001A,CC1",
        "P2,P1,\"Assistant Director, Social Care\",Morgan Madeup,AD,1,120000.50,Permanent,2020-01-31,QQ000002A,CC2",
        "P3,P2,Head of Service,Vacant,HoS,1,85000,Permanent,,,CC3",
        "L1,P3,Social Worker,,PO5,0.5,21000,Fixed Term,,,CC3",
    ]

    static func extract(_ rows: [String], header: String = header, lineEnd: String = "\n") -> [UInt8] {
        Array(([header] + rows).joined(separator: lineEnd).appending(lineEnd).utf8)
    }

    static func run(_ bytes: [UInt8], mapping: ImportMapping? = nil, delimiter: UInt8? = nil, encoding: TextEncoding? = nil)
        throws(LoadError) -> ImportResult
    {
        let chosen: ImportMapping
        if let mapping { chosen = mapping } else { chosen = try self.mapping() }
        return try ExtractImporter(mapping: chosen, delimiter: delimiter, encoding: encoding).importExtract(bytes, file: "extract.csv")
    }
}
