/// The rule sets orgmodel carries with it, by name.
public enum BuiltInRuleSets {
    /// The names a structure file's `rules:` may give without a path.
    public static let names = ["childrens-social-care"]

    /// The YAML text of a built-in rule set; `Structures/rules/NAME.yaml` holds a copy.
    public static func text(named name: String) -> String? {
        switch name {
        case "childrens-social-care": childrensSocialCare + "\n"
        default: nil
        }
    }

    /// The tiers of statutory children's social care, as a county council's 2020
    /// de-layering proposal set them.
    static let childrensSocialCare = #"""
        # The built-in rule set `childrens-social-care`, shipped readable: orgmodel uses its own
        # copy of this text, and a test keeps the two identical. Copy it to make a rule set of
        # your own, and name the copy in a structure file as `rules: rules/my-rules.yaml`.
        #
        # From a county council's 2020 de-layering proposal for statutory children's social care:
        # five management tiers, spans as "typically 4-8" and "approx 4-10", and deviations
        # "only where there is a clear documented rationale that is collectively agreed by SLT
        # and HR as the design authority".
        name: childrens-social-care
        description: Management tiers for statutory children's social care
        approvers: [SLT, HR]
        max_layers: 5
        tiers:
          - tier: 2
            role: Executive Director
            accountability: >-
              Accountable, alongside the Lead Member for Children's Services, for discharging
              the education and children's social care functions of the council.
          - tier: 3
            role: Assistant Director
            accountability: >-
              Jointly sets the strategic direction for the whole department as part of the
              Departmental Leadership Team; leads and manages a group of Heads of complex services.
          - tier: 4
            role: Head of Service
            accountability: >-
              Accountable for a large-scale, complex whole service area; responsible for a group
              of Service Managers and for all staff within the assigned service.
            span: {min: 4, max: 8}
          - tier: 5
            role: Service Manager
            accountability: >-
              Accountable for a number of teams within a service or a cluster of services or
              projects; leads a group of Team Managers and all staff within the assigned service.
            span: {min: 4, max: 8}
          - tier: 6
            role: Team Manager
            accountability: >-
              Leads the senior professionals in a team, and has indirect responsibility for
              others within assigned groups; leads a team of specialists and support staff.
            span: {min: 4, max: 10}
        """#
}
