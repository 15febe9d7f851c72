// ChainMap's analyses on Apache Spark: GraphX for PageRank, components, degrees and strengths,
// Spark SQL for the per-stage gap metrics. Run by spark/run.sh through `spark-shell -i` (the
// pip package has no Scala compiler; the shell compiles this file). Parameters come as Spark
// conf keys spark.chainmap.*; see docs/SPARK.md. Results: CSV tables and _chainmap_results.json
// that `chainmap import-results` reads.
import org.apache.spark.graphx._
import org.apache.spark.rdd.RDD
import org.apache.spark.sql.{DataFrame, SparkSession}
import org.apache.spark.storage.StorageLevel
import java.nio.charset.StandardCharsets
import java.nio.file.{Files, Paths}

object ChainMapJob {
  case class Params(in: String, out: String, damping: Double, iterations: Int, tolerance: Double, weighted: Boolean,
                    singleSourceShare: Double, outsideShare: Double)

  private val timings = scala.collection.mutable.LinkedHashMap[String, Double]()
  private def timed[T](phase: String)(body: => T): T = {
    val t0 = System.nanoTime()
    val r = body
    timings(phase) = timings.getOrElse(phase, 0.0) + (System.nanoTime() - t0) / 1e9
    r
  }

  def read(spark: SparkSession, in: String, ddl: Map[String, String], table: String): DataFrame =
    spark.read.schema(ddl(table)).option("header", "true").option("multiLine", "true").option("mode", "FAILFAST")
      .option("encoding", "UTF-8").csv(s"$in/$table")

  /** ChainMap's PageRank (Sources/ChainGraph/Centrality/Graph+PageRank.swift), on GraphX:
    * x'[v] = d * sum_{u->v} w(u,v) * (x[u] / S(u)) + (d * D + 1 - d) * (1/n), D = dangling mass,
    * from x = 1/n; stops after `iterations`, or earlier when the L1 change < tolerance (> 0).
    * GraphX's own PageRank drops dangling mass and (in older versions) scales by n, so the
    * iteration is written here with aggregateMessages. Returns (scores, iterations, delta). */
  def pageRank(graph: Graph[Double, Double], n: Long, p: Params): (VertexRDD[Double], Int, Double) = {
    val d = p.damping
    val uniform = 1.0 / n
    // Out-strength S(u) (weights, or 1 per edge), then its inverse; 0 marks a dangling node.
    val outStrength = graph.aggregateMessages[Double](ctx => ctx.sendToSrc(ctx.attr), _ + _, TripletFields.EdgeOnly)
    var g: Graph[(Double, Double), Double] = graph.outerJoinVertices(outStrength) { (_, _, s) =>
      val inv = s match { case Some(x) if x > 0 => 1.0 / x; case _ => 0.0 }
      (uniform, inv)
    }.persist(StorageLevel.MEMORY_AND_DISK)
    var dangling = g.vertices.map { case (_, (x, inv)) => if (inv == 0.0) x else 0.0 }.sum()
    var it = 0
    var delta = Double.PositiveInfinity
    var done = false
    while (!done && it < p.iterations) {
      val teleport = (d * dangling + (1 - d)) * uniform
      val sums = g.aggregateMessages[Double](ctx => ctx.sendToDst(ctx.attr * (ctx.srcAttr._1 * ctx.srcAttr._2)), _ + _,
        TripletFields.Src)
      val next = g.outerJoinVertices(sums) { (_, attr, s) => (d * s.getOrElse(0.0) + teleport, attr._2) }
        .persist(StorageLevel.MEMORY_AND_DISK)
      if ((it + 1) % 25 == 0) next.checkpoint()  // cut the lineage now and then
      // One pass: the L1 change and the next dangling mass. Then materialize the new edges too
      // (their replicated source values) before dropping the old graph, as GraphX's own PageRank
      // does; otherwise every iteration recomputes the chain of earlier ones.
      val (dl, dg) = next.vertices.innerZipJoin(g.vertices) { (_, a, b) => (math.abs(a._1 - b._1), if (a._2 == 0.0) a._1 else 0.0) }
        .map(_._2).fold((0.0, 0.0)) { (x, y) => (x._1 + y._1, x._2 + y._2) }
      next.edges.foreachPartition(_ => ())
      g.vertices.unpersist(blocking = false)
      g.edges.unpersist(blocking = false)
      g = next
      delta = dl
      dangling = dg
      it += 1
      if (p.tolerance > 0 && delta < p.tolerance) done = true
    }
    (g.vertices.mapValues(_._1), it, if (it == 0) 0.0 else delta)
  }

  def run(spark: SparkSession): Unit = {
    val sc = spark.sparkContext
    val conf = sc.getConf
    val p = Params(
      conf.get("spark.chainmap.in"), conf.get("spark.chainmap.out"), conf.get("spark.chainmap.damping", "0.85").toDouble,
      conf.get("spark.chainmap.iterations", "20").toInt, conf.get("spark.chainmap.tolerance", "0").toDouble,
      conf.get("spark.chainmap.weighted", "false").toBoolean, conf.get("spark.chainmap.singleSourceShare", "0.8").toDouble,
      conf.get("spark.chainmap.outsideShare", "0.5").toDouble)
    sc.setCheckpointDir(conf.get("spark.chainmap.checkpoint", s"${p.out}/_checkpoint"))
    val t0 = System.nanoTime()

    // The manifest names each table's schema (Spark's file listing skips names starting with _).
    import spark.implicits._
    val manifestText = new String(Files.readAllBytes(Paths.get(s"${p.in}/_chainmap.json")), StandardCharsets.UTF_8)
    val manifest = spark.read.json(Seq(manifestText.replace("\n", " ")).toDS())
    require(manifest.select("format").head().getString(0) == "chainmap-spark/1", "not a chainmap-spark/1 export")
    val parkId = manifest.select("park").head().getString(0)
    val ddl = manifest.selectExpr("explode(tables) AS t").selectExpr("t.name", "t.ddl").collect()
      .map(r => r.getString(0) -> r.getString(1)).toMap
    val tables = Seq("stages", "templates", "nodes", "node_stages", "links")
    val df = timed("load") {
      tables.map { t =>
        val d = read(spark, p.in, ddl, t).persist(StorageLevel.MEMORY_AND_DISK)
        d.count()
        d.createOrReplaceTempView(t)
        t -> d
      }.toMap
    }

    // The active supply graph: firms are vertices (their park position), active links edges.
    val (graph, n) = timed("graph") {
      val vertices: RDD[(VertexId, Double)] = df("nodes").select("node").rdd.map(r => (r.getLong(0), 0.0))
      val edges: RDD[Edge[Double]] = df("links").where("status = 'active'").selectExpr("src", "dst", "value").rdd
        .map(r => Edge(r.getLong(0), r.getLong(1), if (r.isNullAt(2)) 1.0 else r.getDouble(2)))
      val g = Graph(vertices, edges, 0.0, StorageLevel.MEMORY_AND_DISK, StorageLevel.MEMORY_AND_DISK).cache()
      (g, g.vertices.count())
    }
    val prGraph = if (p.weighted) graph else graph.mapEdges(_ => 1.0)
    val (ranks, iterations, delta) = timed("pagerank") { pageRank(prGraph, n, p) }
    val components = timed("components") { val c = graph.connectedComponents().vertices.cache(); c.count(); c }
    val perNode = timed("degrees") {
      // Degrees and strengths (weights: link value, 1 when unknown) in one message pass.
      val io = graph.aggregateMessages[(Long, Long, Double, Double)](ctx => {
        ctx.sendToDst((1L, 0L, ctx.attr, 0.0)); ctx.sendToSrc((0L, 1L, 0.0, ctx.attr))
      }, (a, b) => (a._1 + b._1, a._2 + b._2, a._3 + b._3, a._4 + b._4))
      val rows = ranks.innerZipJoin(components)((_, r, c) => (r, c)).leftJoin(io) { (v, rc, x) =>
        val (i, o, is, os) = x.getOrElse((0L, 0L, 0.0, 0.0))
        (v, rc._1, rc._2, i, o, is, os)
      }.map(_._2)
      val d = rows.toDF("node", "pagerank", "component", "inDegree", "outDegree", "inStrength", "outStrength")
        .persist(StorageLevel.MEMORY_AND_DISK)
      d.count()  // computed here, so that the phase times say where the time goes
      d.createOrReplaceTempView("node_results")
      d
    }

    // Per-stage metrics (StageMetrics in ChainAnalysis): sums and counts over links grouped by stage
    // or by template edge. A link follows template edge q (input I -> stage T) when its buyer sits in T
    // and its supplier in I; only links into in-park buyers count.
    val stagesOut = timed("stages") {
      spark.sql("""
        CREATE OR REPLACE TEMP VIEW follows AS
        SELECT t.edge, l.link, l.src, l.dst, l.status, COALESCE(l.value, 0D) AS v,
               COALESCE(l.`local`, sn.inPark AND dn.inPark) AS isLocal, sn.inPark AS srcInPark
        FROM links l
        JOIN nodes dn ON dn.node = l.dst AND dn.inPark
        JOIN nodes sn ON sn.node = l.src
        JOIN node_stages bs ON bs.node = l.dst
        JOIN templates t ON t.stage = bs.stage
        JOIN node_stages ss ON ss.node = l.src AND ss.stage = t.input
        WHERE l.status IN ('active', 'lost')""")
      spark.sql("CACHE TABLE follows")  // used by the flows and the lost links
      spark.sql("""
        CREATE OR REPLACE TEMP VIEW stage_firms AS
        SELECT s.stage, s.id, s.chainId AS chain, s.required, s.tier,
               COUNT(CASE WHEN n.inPark THEN 1 END) AS inParkFirms,
               COUNT(CASE WHEN NOT n.inPark THEN 1 END) AS outsideFirms,
               COALESCE(SUM(CASE WHEN n.inPark THEN COALESCE(n.output, 0D) END), 0D) AS output
        FROM stages s LEFT JOIN node_stages ns ON ns.stage = s.stage LEFT JOIN nodes n ON n.node = ns.node
        GROUP BY s.stage, s.id, s.chainId, s.required, s.tier""")
      spark.sql("""
        SELECT f.stage, f.id, f.chain, f.required, f.tier, f.inParkFirms, f.outsideFirms, f.output,
               (f.required AND f.inParkFirms = 0) AS missingRequired,
               COALESCE(x.lostLinks, 0) AS lostLinks, COALESCE(x.lostValue, 0D) AS lostValue
        FROM stage_firms f LEFT JOIN (
          SELECT ns.stage, COUNT(*) AS lostLinks, SUM(COALESCE(l.value, 0D)) AS lostValue
          FROM links l JOIN nodes n ON n.node = l.dst AND n.inPark JOIN node_stages ns ON ns.node = l.dst
          WHERE l.status = 'lost' GROUP BY ns.stage) x ON x.stage = f.stage
        ORDER BY f.stage""").persist(StorageLevel.MEMORY_AND_DISK)
    }
    val edgesOut = timed("stages") {
      spark.sql("""
        CREATE OR REPLACE TEMP VIEW supplier_values AS
        SELECT edge, src, SUM(v) AS sv, COUNT(*) AS n, SUM(CASE WHEN isLocal THEN v ELSE 0D END) AS lv,
               FIRST(srcInPark) AS srcInPark
        FROM follows WHERE status = 'active' GROUP BY edge, src""")
      spark.sql("CACHE TABLE supplier_values")  // read three times: totals, top supplier, HHI
      spark.sql("""
        CREATE OR REPLACE TEMP VIEW edge_totals AS
        SELECT edge, COUNT(*) AS suppliers, SUM(n) AS links, SUM(CASE WHEN srcInPark THEN n ELSE 0 END) AS inParkLinks,
               SUM(sv) AS totalValue, SUM(lv) AS localValue, SUM(CASE WHEN srcInPark THEN sv ELSE 0D END) AS inParkSupplyValue
        FROM supplier_values GROUP BY edge""")
      spark.sql(s"""
        WITH ranked AS (
          SELECT edge, src, sv, ROW_NUMBER() OVER (PARTITION BY edge ORDER BY sv DESC, src ASC) AS r FROM supplier_values),
        hhi AS (
          SELECT s.edge, SUM((s.sv / t.totalValue) * (s.sv / t.totalValue)) AS hhi
          FROM supplier_values s JOIN edge_totals t ON t.edge = s.edge WHERE t.totalValue > 0 GROUP BY s.edge),
        lost AS (SELECT edge, COUNT(*) AS lostLinks, SUM(v) AS lostValue FROM follows WHERE status = 'lost' GROUP BY edge),
        base AS (
          SELECT q.edge, q.stage, q.input, st.id AS stageId, si.id AS inputId,
                 COALESCE(e.suppliers, 0) AS suppliers, COALESCE(e.links, 0) AS links, COALESCE(e.inParkLinks, 0) AS inParkLinks,
                 COALESCE(e.totalValue, 0D) AS totalValue, COALESCE(e.localValue, 0D) AS localValue,
                 COALESCE(e.inParkSupplyValue, 0D) AS inParkSupplyValue,
                 n.id AS topSupplier, k.sv AS topSupplierValue, h.hhi,
                 COALESCE(lo.lostLinks, 0) AS lostLinks, COALESCE(lo.lostValue, 0D) AS lostValue,
                 ft.inParkFirms AS stageFirms, fi.inParkFirms AS inputFirms
          FROM templates q
          JOIN stages st ON st.stage = q.stage JOIN stages si ON si.stage = q.input
          JOIN stage_firms ft ON ft.stage = q.stage JOIN stage_firms fi ON fi.stage = q.input
          LEFT JOIN edge_totals e ON e.edge = q.edge
          LEFT JOIN ranked k ON k.edge = q.edge AND k.r = 1
          LEFT JOIN nodes n ON n.node = k.src
          LEFT JOIN hhi h ON h.edge = q.edge
          LEFT JOIN lost lo ON lo.edge = q.edge),
        shares AS (
          SELECT *, totalValue - localValue AS outsideValue,
                 CASE WHEN totalValue > 0 THEN (totalValue - localValue) / totalValue END AS outsideShare,
                 CASE WHEN totalValue > 0 THEN inParkSupplyValue / totalValue END AS inParkSupplyShare,
                 CASE WHEN suppliers = 0 THEN NULL WHEN totalValue > 0 THEN topSupplierValue / totalValue
                      ELSE 1D / suppliers END AS topShare
          FROM base)
        SELECT edge, stage, input, stageId, inputId, suppliers, links, inParkLinks, totalValue, localValue, outsideValue,
               outsideShare, inParkSupplyValue, inParkSupplyShare, topSupplier, topSupplierValue, topShare, hhi,
               lostLinks, lostValue,
               (inputFirms > 0 AND stageFirms > 0 AND inParkLinks = 0) AS noStageLink,
               (suppliers > 0 AND (suppliers = 1 OR topShare >= ${p.singleSourceShare}D)) AS stageSingleSource,
               (totalValue > 0 AND outsideValue > 0 AND outsideShare >= ${p.outsideShare}D) AS outsideSourcing
        FROM shares ORDER BY edge""").persist(StorageLevel.MEMORY_AND_DISK)
    }
    timed("stages") { stagesOut.count(); edgesOut.count() }

    timed("write") {
      def write(d: DataFrame, name: String, files: Int): Unit =
        d.coalesce(files).write.mode("overwrite").option("header", "true").option("encoding", "UTF-8")
          .csv(s"${p.out}/$name")
      val nodeFiles = math.max(1, math.min(8, (n / 500000L).toInt + 1))
      write(spark.sql("SELECT r.node, n.id, r.pagerank, r.component, r.inDegree, r.outDegree, r.inStrength, r.outStrength " +
        "FROM node_results r JOIN nodes n ON n.node = r.node"), "nodes", nodeFiles)
      write(stagesOut, "stages", 1)
      write(edgesOut, "template_edges", 1)
    }
    timings("total") = (System.nanoTime() - t0) / 1e9

    def q(s: String) = "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
    def num(d: Double) = if (d.isNaN || d.isInfinite) "null" else d.toString
    val json =
      s"""{
         |  "format": "chainmap-spark-results/1",
         |  "park": ${q(parkId)},
         |  "master": ${q(sc.master)},
         |  "sparkVersion": ${q(spark.version)},
         |  "defaultParallelism": ${sc.defaultParallelism},
         |  "nodes": $n,
         |  "activeLinks": ${graph.edges.count()},
         |  "pagerank": {"damping": ${num(p.damping)}, "weighted": ${p.weighted}, "iterations": $iterations, "tolerance": ${num(p.tolerance)}, "delta": ${num(delta)}},
         |  "thresholds": {"singleSourceShare": ${num(p.singleSourceShare)}, "outsideShare": ${num(p.outsideShare)}},
         |  "seconds": {${timings.map { case (k, v) => s"${q(k)}: ${num(v)}" }.mkString(", ")}}
         |}
         |""".stripMargin
    Files.write(Paths.get(s"${p.out}/_chainmap_results.json"), json.getBytes(StandardCharsets.UTF_8))
    println(s"chainmap-spark: $n firms, PageRank $iterations iterations (L1 change $delta), " +
      timings.map { case (k, v) => f"$k $v%.1f s" }.mkString(", "))
  }
}

try {
  ChainMapJob.run(spark)
  System.exit(0)
} catch {
  case e: Throwable =>
    System.err.println("chainmap-spark: error: " + e)
    e.printStackTrace()
    System.exit(1)
}
