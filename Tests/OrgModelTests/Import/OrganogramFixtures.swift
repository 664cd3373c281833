@testable import OrgModel

/// A synthetic published organogram (invented names and numbers) in the shapes real
/// files take: the data.gov.uk column set with three extra trailing columns, and a
/// converted variant with a leading unnamed index column and the header "Grade".
enum OrganogramFixtures {
    static let seniorHeader = """
        "Post Unique Reference","Name","Grade (or equivalent)","Job Title","Job/Team Function","Parent Department","Organisation","Unit","Contact Phone","Contact E-mail","Reports to Senior Post","Salary Cost of Reports (£)","FTE","Actual Pay Floor (£)","Actual Pay Ceiling (£)","","Professional/Occupational Group","Notes","Valid?","URI","source_file","source_line"
        """

    static let seniorRows = [
        // The top post (a permanent secretary), reports to XX.
        #""EX-001","Avery Quillon","SCS4","Permanent Secretary","Leads the department","Department for Examples","Department for Examples","Private Office","0300 000 0001","avery.quillon@example.gov.uk","XX","0","1","160000","164999","","Policy","","1","u1","f","p1""#,
        // A director general, undisclosed name.
        #""EX-002","N/D","SCS3","Director General, Services","Runs services, including ""front door"" work","Department for Examples","Department for Examples","Services","N/D","N/D","EX-001","1500000","1","120000","124999","","Operational Delivery","","1","u2","f","p2""#,
        // A vacant director.
        #""EX-003","Vacant","SCS2","Director, Policy","","Department for Examples","Department for Examples","Policy","N/D","N/D","EX-001","0","1","N/D","N/D","","Policy","Recruiting","1","u3","f","p3""#,
        // An eliminated deputy director, with a post and junior lines under it.
        #""EX-004","Eliminated","SCS1","Deputy Director, Old Unit","","Department for Examples","Department for Examples","Old Unit","N/D","N/D","EX-002","0","1","0","0","","Policy","","1","u4","f","p4""#,
        #""EX-005","Bryn Tallow","SCS1","Deputy Director, Casework","Casework","Department for Examples","Department for Examples","Casework","0300 000 0005","bryn.tallow@example.gov.uk","EX-004","250000","1","85000","89999","","Operational Delivery","","1","u5","f","p5""#,
        // A job share: two rows, one post.
        #""EX-006","Cass Umber","SCS1","Deputy Director, Digital","Digital","Department for Examples","Executive Agency for Examples","Digital","0300 000 0006","n/d","EX-002","90000","0.6","75000","79999","","Digital","","1","u6","f","p6""#,
        #""EX-006","Dale Verity","SCS1","Deputy Director, Digital","Digital","Department for Examples","Executive Agency for Examples","Digital","0300 000 0007","n/d","EX-002","90000","0.4","75000","79999","","Digital","","1","u7","f","p7""#,
        // A grade the tier table does not know.
        #""EX-007","Eli Wren","Chief Scientific Adviser","Chief Scientific Adviser","Science","Department for Examples","Department for Examples","Science","N/D","N/D","EX-001","0","1","100000","104999","","Science","","1","u8","f","p8""#,
    ]

    static let juniorHeader = """
        "Parent Department","Organisation","Unit","Reporting Senior Post","Grade","Payscale Minimum (£)","Payscale Maximum (£)","Generic Job Title","Number of Posts in FTE","Professional/Occupational Group","source_file","source_line"
        """

    static let juniorRows = [
        #""Department for Examples","Department for Examples","Casework","EX-005","EO","25000","30000","Caseworker","12.5","Operational Delivery","f","j1""#,
        #""Department for Examples","Department for Examples","Casework","EX-005","HEO","31000","36000","Senior Caseworker","3","Operational Delivery","f","j2""#,
        #""Department for Examples","Department for Examples","Old Unit","EX-004","AO","20000","23000","Administrator","2","Operational Delivery","f","j3""#,
        #""Department for Examples","Executive Agency for Examples","Digital","EX-006","G7","55000","65000","Product Manager","0.8","Digital","f","j4""#,
    ]

    static func senior(_ rows: [String] = seniorRows, header: String = seniorHeader) -> [UInt8] {
        Array(([header] + rows).joined(separator: "\r\n").appending("\r\n").utf8)
    }

    static func junior(_ rows: [String] = juniorRows, header: String = juniorHeader) -> [UInt8] {
        Array(([header] + rows).joined(separator: "\r\n").appending("\r\n").utf8)
    }

    /// The converted shape: a leading unnamed index column, "Grade", no quotes, LF.
    static func convertedSenior() -> [UInt8] {
        var lines = [
            ",Post Unique Reference,Name,Grade,Job Title,Job/Team Function,Parent Department,Organisation,Unit,Contact Phone,Contact E-mail,Reports to Senior Post,Salary Cost of Reports (£),FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),,Professional/Occupational Group,Notes,Valid?"
        ]
        lines.append(
            "0,CV-1,Fen Yarrow,SCS3,Director General,Leads,Dept of Samples,Dept of Samples,Office,N/D,N/D,XX,0,1.0,130000,134999,0,Policy,,1"
        )
        lines.append(
            "1,CV-2,Vacant,SCS2,Director,\"Does things, several\",Dept of Samples,Dept of Samples,Unit A,N/D,N/D,CV-1,0,1.0,0,0,0,Policy,,1"
        )
        return Array(lines.joined(separator: "\n").appending("\n").utf8)
    }

    static func convertedJunior() -> [UInt8] {
        let lines = [
            ",Parent Department,Organisation,Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE,Professional/Occupational Group",
            "0,Dept of Samples,Dept of Samples,Unit A,CV-2,G7,45000,60000,Policy Manager,3.8,Policy",
            "1,Dept of Samples,Dept of Samples,Unit A,CV-2,EO,21000,30000,Executive Assistant,0.6,Policy",
        ]
        return Array(lines.joined(separator: "\n").appending("\n").utf8)
    }

    static func run(senior: [UInt8] = senior(), junior: [UInt8]? = junior(), tiers: GradeTierTable = .seniorCivilService) throws(LoadError)
        -> ImportResult
    {
        try OrganogramImporter(tiers: tiers).importFiles(
            senior: senior, seniorFile: "senior.csv", junior: junior, juniorFile: junior == nil ? nil : "junior.csv")
    }
}
