// File readers: formats, policies and line-numbered errors. The corpus of
// bad files lives in bad/ and is exercised end to end by test_bad_input.py.

#include "graph/readers.h"

#include <gtest/gtest.h>

#include "graph/graph.h"
#include "graph/xml_reader.h"

namespace kring::graph {
namespace {

void expect_error_on_line(const Result<EdgeList>& r, int line) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "parse_error");
  EXPECT_NE(r.error().message.find("line " + std::to_string(line) + ":"), std::string::npos)
      << r.error().message;
}

TEST(EdgeListReader, WhitespaceCommasCommentsWeightsAndIsolates) {
  auto r = read_edge_list("# people\na b 2\nb,c,0.5\n\tc   d  # trailing\ne\n", false);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->labels, (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  ASSERT_EQ(r->edges.size(), 3u);
  EXPECT_EQ(r->edges[0].weight, 2.0);
  EXPECT_EQ(r->edges[1].weight, 0.5);
  EXPECT_EQ(r->edges[2].weight, 1.0);
}

TEST(EdgeListReader, CsvKeepsSpacesInLabelsAndSkipsHeader) {
  auto r =
      read_edge_list("source,target,weight\nAnn Lee,Bo Yu,3\nCy Po\n", false, Separator::kComma);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->labels, (std::vector<std::string>{"Ann Lee", "Bo Yu", "Cy Po"}));
}

TEST(EdgeListReader, CrlfLineEndings) {
  auto r = read_edge_list("a b 1\r\nb c 2\r\n", true);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->directed);
  EXPECT_EQ(r->edges.size(), 2u);
}

TEST(EdgeListReader, ErrorsNameTheLine) {
  expect_error_on_line(read_edge_list("a b\nb c x\n", false), 2);
  expect_error_on_line(read_edge_list("a b\n\n\na b -1\n", false), 4);
  expect_error_on_line(read_edge_list("a b inf\n", false), 1);
  expect_error_on_line(read_edge_list("a b 1 2\n", false), 1);
  expect_error_on_line(read_edge_list(std::string("a \x01\n", 5), false), 1);
  expect_error_on_line(read_edge_list("", false), 1);
}

TEST(GraphMlReader, ReadsNodesEdgesWeightsAndDirection) {
  const char* text = R"(<?xml version="1.0"?>
<!-- made by hand -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"><default>2</default></key>
  <key id="c" for="node" attr.name="color" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a &amp; b"><data key="c">red</data></node>
    <node id="c"/>
    <node id="lonely"/>
    <edge source="a &amp; b" target="c"><data key="w">0.25</data></edge>
    <edge source="c" target="a &amp; b"/>
  </graph>
</graphml>)";
  auto r = read_graphml(text, false);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->directed);
  EXPECT_EQ(r->labels, (std::vector<std::string>{"a & b", "c", "lonely"}));
  ASSERT_EQ(r->edges.size(), 2u);
  EXPECT_EQ(r->edges[0].weight, 0.25);
  EXPECT_EQ(r->edges[1].weight, 2.0);
}

TEST(GraphMlReader, ErrorsNameTheLine) {
  expect_error_on_line(read_graphml("<graphml>\n<graph>\n<node/>\n</graph></graphml>", false), 3);
  expect_error_on_line(read_graphml("<graphml>\n<graph>\n</graphml>", false), 3);
  expect_error_on_line(read_graphml("<graphml>\n<graph><graph>", false), 2);
  expect_error_on_line(read_graphml("\n\n<other/>", false), 3);
  expect_error_on_line(read_graphml("<graphml>\n<graph>\n<node id='a'/>\n<!-- open", false), 4);
}

void expect_error_containing(const Result<EdgeList>& r, int line, const std::string& words) {
  expect_error_on_line(r, line);
  if (!r.ok()) {
    EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  }
}

constexpr const char* kTwoNodes =
    "<graphml><graph><node id='a'/><node id='b'/><edge source='a' target='b'/></graph></graphml>";

TEST(GraphMlReader, DecodesCharacterReferencesAndCdata) {
  auto r = read_graphml(
      "<graphml><graph><node id='&#233;&#x263A;&lt;&apos;'/><node id='b'/>"
      "<edge source='b' target='&#233;&#x263A;&lt;&apos;'><data key='w'><![CDATA[ignored]]></data>"
      "</edge></graph></graphml>",
      false);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->labels[0], "\u00e9\u263a<'");
  EXPECT_EQ(r->edges.size(), 1u);
}

TEST(GraphMlReader, RefusesAnyDoctype) {
  expect_error_containing(read_graphml(std::string("<!DOCTYPE graphml>\n") + kTwoNodes, false), 1,
                          "DOCTYPE");
  expect_error_containing(
      read_graphml(std::string("<?xml version='1.0'?>\n<!DOCTYPE graphml SYSTEM "
                               "'http://example.org/graphml.dtd'>\n") +
                       kTwoNodes,
                   false),
      2, "DOCTYPE");
}

// XXE: an external entity naming a local file must never be read or expanded.
TEST(GraphMlReader, RefusesExternalEntities) {
  auto r = read_graphml(
      "<?xml version='1.0'?>\n<!DOCTYPE graphml [\n<!ENTITY xxe SYSTEM 'file:///etc/passwd'>\n]>\n"
      "<graphml><graph><node id='&xxe;'/></graph></graphml>",
      false);
  expect_error_containing(r, 2, "DOCTYPE");
}

// Billion laughs: nested entity definitions would expand to gigabytes.
TEST(GraphMlReader, RefusesEntityExpansion) {
  std::string doc = "<?xml version='1.0'?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 'lol'>\n";
  for (int i = 1; i < 10; ++i) {
    doc += "<!ENTITY lol" + std::to_string(i) + " '";
    for (int j = 0; j < 10; ++j) doc += "&lol" + std::to_string(i - 1) + ";";
    doc += "'>\n";
  }
  doc += "]>\n<graphml><graph><node id='&lol9;'/></graph></graphml>";
  expect_error_containing(read_graphml(doc, false), 2, "DOCTYPE");
}

TEST(GraphMlReader, UndeclaredEntityIsAnError) {
  expect_error_containing(
      read_graphml("<graphml>\n<graph><node id='&bogus;'/></graph></graphml>", false), 2, "entity");
}

TEST(GraphMlReader, RefusesDeepNesting) {
  std::string doc = "<graphml><graph><node id='a'/>";
  for (std::size_t i = 0; i < kMaxXmlDepth; ++i) doc += "<x>";
  expect_error_containing(read_graphml(doc, false), 1, "nested too deeply");
}

TEST(GraphMlReader, ErrorsInTheXmlItself) {
  expect_error_containing(read_graphml("<graphml>\n<graph>\n</graphml>", false), 3,
                          "closing tag </graphml> does not match <graph>");
  expect_error_containing(read_graphml("<graphml>\n<graph>\n", false), 3,
                          "end of file inside <graph>");
  expect_error_containing(read_graphml("", false), 1, "no XML element");
  expect_error_containing(read_graphml(std::string(kTwoNodes) + "\ntext", false), 2,
                          "malformed XML");
  expect_error_containing(read_graphml("<graphml a='1' a='2'/>", false), 1, "malformed XML");
}

TEST(GmlReader, ReadsLabelsAndWeights) {
  const char* text = R"(# comment
graph [
  directed 0
  comment "ignored [ list ]"
  node [ id 10 label "ann" graphics [ x 1.0 y 2.0 ] ]
  node [ id 11 label "bo" ]
  node [ id 12 ]
  edge [ source 10 target 11 weight 2.5 ]
  edge [ source 11 target 12 ]
])";
  auto r = read_gml(text, false);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->directed);
  EXPECT_EQ(r->labels, (std::vector<std::string>{"ann", "bo", "12"}));
  ASSERT_EQ(r->edges.size(), 2u);
  EXPECT_EQ(r->edges[0].weight, 2.5);
}

TEST(GmlReader, ErrorsNameTheLine) {
  expect_error_on_line(read_gml("graph [\n node [ id 1 ]\n node [ id 1 label \"x\" ]\n]", false),
                       3);
  expect_error_on_line(read_gml("graph [\n node [ id 1 ]\n edge [ source 1 target 2 ]\n]", false),
                       3);
  expect_error_on_line(read_gml("graph [\n node [ id 1 \n", false), 3);
  expect_error_on_line(read_gml("graph [\n ] ]", false), 2);
  expect_error_on_line(read_gml("graph [\n edge [ source 1 target 1 weight -2 ]\n]", false), 2);
}

TEST(PajekReader, VerticesArcsEdgesAndLists) {
  const char* text = R"(*Network test
*Vertices 4
1 "Ann Lee" 0.1 0.2 0.5
2 "Bo"
3 Cy
*Arcs
1 2 2.0
*Edges
2 3
*Arcslist
3 1 4
% comment
)";
  auto r = read_pajek(text, false);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->directed);
  EXPECT_EQ(r->labels, (std::vector<std::string>{"Ann Lee", "Bo", "Cy", "4"}));
  // 1->2, 2->3 and 3->2 (an edge in a directed file), 3->1, 3->4
  EXPECT_EQ(r->edges.size(), 5u);
}

TEST(PajekReader, ErrorsNameTheLine) {
  expect_error_on_line(read_pajek("*Vertices 2\n*Edges\n1 3\n", false), 3);
  expect_error_on_line(read_pajek("*Vertices x\n", false), 1);
  expect_error_on_line(read_pajek("*Vertices 2\n*Matrix\n", false), 2);
  expect_error_on_line(read_pajek("*Vertices 2\n1 \"a\"\n2 \"a\"\n", false), 1);
  expect_error_on_line(read_pajek("*Vertices 2\n*Edges\n1 2 -4\n", false), 3);
}

TEST(FileFormat, ChosenByExtension) {
  EXPECT_EQ(*format_from_path("x.TXT"), FileFormat::kEdgeList);
  EXPECT_EQ(*format_from_path("x.csv"), FileFormat::kCsv);
  EXPECT_EQ(*format_from_path("x.graphml"), FileFormat::kGraphMl);
  EXPECT_EQ(*format_from_path("x.gml"), FileFormat::kGml);
  EXPECT_EQ(*format_from_path("x.net"), FileFormat::kPajek);
  EXPECT_FALSE(format_from_path("x.xlsx").ok());
}

}  // namespace
}  // namespace kring::graph
