/// DOT sources shared by the GraphvizRender tests.
enum Fixtures {
    /// A small org chart: ids on every node, a same-rank pair and a cluster.
    static let orgChart = """
        digraph org {
          node [shape=box];
          ceo [id="node-ceo", label="Chief Executive"];
          cto [id="node-cto", label="CTO"];
          cfo [id="node-cfo", label="CFO"];
          dev1 [id="node-dev1"]; dev2 [id="node-dev2"];
          ceo -> cto; ceo -> cfo; cto -> dev1; cto -> dev2;
          { rank=same; cto; cfo; }
          subgraph cluster_eng { label="Engineering"; dev1; dev2; }
        }
        """

    /// An anonymous graph with several clusters: the case where cgraph's default ID scheme
    /// made repeated in-process renders differ (titles and cluster order).
    static let anonymousClusters: String = {
        let teams = ["zeta", "alpha", "mid", "beta", "omega", "kappa", "delta", "gamma"]
        var dot = "digraph {\n"
        for team in teams {
            dot += "subgraph cluster_\(team) { label=\"\(team)\"; \(team)_1 -> \(team)_2; }\n"
        }
        for (index, team) in teams.enumerated().dropLast() {
            dot += "\(team)_2 -> \(teams[(index * 3 + 1) % teams.count])_1;\n"
        }
        return dot + "{ rank=same; zeta_1; alpha_1; }\n}\n"
    }()

    /// A chain of `count` nodes, used to give the renderer some real work.
    static func chain(_ count: Int) -> String {
        "digraph chain {\n" + (1..<count).map { "n\($0) -> n\($0 + 1);" }.joined(separator: "\n") + "\n}\n"
    }
}
