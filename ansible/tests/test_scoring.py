import unittest

from support import GIB, hostvars

from punnet_ops import scoring


class ScorePartsTest(unittest.TestCase):

    def test_load_is_per_core(self):
        self.assertEqual(0.5, scoring.load_part(hostvars(load1=2.0, cpus=4)))
        self.assertEqual(2.0, scoring.load_part(hostvars(load1=2.0, cpus=1)))

    def test_memory_is_the_fraction_in_use(self):
        self.assertEqual(0.75, scoring.memory_part(hostvars(total=4 * GIB, available=GIB)))

    def test_heat_starts_at_60_and_is_full_at_throttling(self):
        self.assertEqual(0.0, scoring.heat_part(hostvars(celsius=59.0)))
        self.assertEqual(0.5, scoring.heat_part(hostvars(celsius=70.0)))
        self.assertEqual(1.0, scoring.heat_part(hostvars(celsius=85.0)))

    def test_unknown_figures_count_as_the_worst_load_and_memory_and_no_heat(self):
        v = hostvars()
        for key in ("punnet_load1", "punnet_mem_available_bytes", "punnet_temperature_celsius"):
            v[key] = None
        c = scoring.candidate("n", v, "web", {})
        self.assertEqual((1.0, 1.0, 0.0), (c.load, c.memory, c.heat))

    def test_score_adds_the_parts(self):
        c = scoring.candidate("n", hostvars(load1=1.0, cpus=4, total=GIB, available=GIB // 2, celsius=65.0), "web", {})
        self.assertEqual(0.25 + 0.5 + 0.25, c.score)


class EligibilityTest(unittest.TestCase):

    def test_only_alive_unsuspected_cool_nodes_without_the_service(self):
        nodes = {
            "alive": hostvars(),
            "suspect": hostvars(status="SUSPECT"),
            "dead": hostvars(status="DEAD"),
            "doubted": hostvars(),
            "running": hostvars(services=["web"]),
            "hot": hostvars(celsius=81.0),
            "starved": hostvars(total=100 * GIB, available=4 * GIB),
            "tight": hostvars(total=100 * GIB, available=5 * GIB),
        }
        plan = scoring.plan(nodes, 1, "web", {"doubted": ["alive"]})
        reasons = {c.name: c.excluded for c in plan.candidates}
        self.assertEqual(None, reasons["alive"])
        self.assertEqual("status SUSPECT", reasons["suspect"])
        self.assertEqual("status DEAD", reasons["dead"])
        self.assertEqual("suspected by alive", reasons["doubted"])
        self.assertEqual("runs web already", reasons["running"])
        self.assertEqual("too hot (81.0 C)", reasons["hot"])
        self.assertEqual("low memory (4% available)", reasons["starved"])
        self.assertEqual(None, reasons["tight"], "5 % available is enough")
        self.assertEqual(["alive"], [c.name for c in plan.chosen])


class PlanTest(unittest.TestCase):

    def test_the_least_busy_nodes_are_chosen_best_first(self):
        nodes = {
            "busy": hostvars(load1=3.9, cpus=4),
            "idle": hostvars(load1=0.1, cpus=4),
            "medium": hostvars(load1=1.0, cpus=4),
            "full-memory": hostvars(load1=0.1, cpus=4, available=GIB // 10),
        }
        plan = scoring.plan(nodes, 2, "web")
        self.assertEqual(["idle", "medium"], [c.name for c in plan.chosen])
        self.assertEqual(["idle", "medium", "full-memory", "busy"], [c.name for c in plan.candidates])

    def test_a_node_with_more_cores_takes_the_same_load_more_easily(self):
        nodes = {"pi-zero": hostvars(load1=1.0, cpus=1), "pi-4": hostvars(load1=1.0, cpus=4)}
        self.assertEqual(["pi-4"], [c.name for c in scoring.plan(nodes, 1, "web").chosen])

    def test_ties_go_to_the_name_so_plans_repeat(self):
        nodes = {"b": hostvars(), "a": hostvars(), "c": hostvars()}
        self.assertEqual(["a", "b"], [c.name for c in scoring.plan(nodes, 2, "web").chosen])

    def test_not_enough_nodes_names_each_excluded_node(self):
        nodes = {"n1": hostvars(), "n2": hostvars(services=["web"]), "n3": hostvars(status="SUSPECT")}
        with self.assertRaises(scoring.NotEnoughNodes) as raised:
            scoring.plan(nodes, 2, "web")
        message = str(raised.exception)
        self.assertIn("web needs 2 nodes but only 1 is eligible (of 3)", message)
        self.assertIn("n2: runs web already", message)
        self.assertIn("n3: status SUSPECT", message)

    def test_an_empty_cluster_is_not_enough_either(self):
        with self.assertRaises(scoring.NotEnoughNodes):
            scoring.plan({}, 1, "web")

    def test_a_count_below_one_is_refused(self):
        with self.assertRaises(ValueError):
            scoring.plan({"n": hostvars()}, 0, "web")

    def test_the_table_marks_the_chosen_nodes_and_shows_the_scores(self):
        plan = scoring.plan({"n1": hostvars(load1=2.0, cpus=4), "n2": hostvars(services=["web"])}, 1, "web")
        lines = scoring.table(plan).splitlines()
        self.assertTrue(lines[1].startswith("->  n1"), lines)
        self.assertIn("1.000", lines[1])  # 0.5 load + 0.5 memory + 0 heat
        self.assertIn("runs web already", lines[2])


if __name__ == "__main__":
    unittest.main()
