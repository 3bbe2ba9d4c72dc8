#include "server/api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "export/json_export.h"
#include "query/query_testing.h"
#include "server/event_cache.h"
#include "server/http_server.h"

namespace ceasewatch {
namespace {

using Json = nlohmann::json;

const std::string kPack =
    std::string(CW_SOURCE_DIR) + "/data/theatres/south-caucasus";

// A server on an ephemeral loopback port over the fixture's store.
class ServerTest : public ::testing::Test {
 protected:
  void Start(const std::string& token, const std::string& web_dir = "") {
    ASSERT_TRUE(fixture_.Fill());
    ApiOptions options;
    options.db = fixture_.db();
    options.token = token;
    options.pack_dir = kPack;
    options.readers = 2;
    auto api = Api::Open(options);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(*api);
    HttpServerOptions http;
    http.port = 0;
    http.threads = 4;
    http.web_dir = web_dir;
    server_ = std::make_unique<HttpServer>(api_.get(), http);
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { server_->Run(); });
    for (int i = 0; i < 500 && !server_->running(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(server_->running());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // An ingest request loads the theatre pack; on a loaded machine (CI,
    // other jobs) that can pass the client's default 5 s.
    client_->set_read_timeout(60, 0);
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  // GET `path`: the status, and the body parsed when it is JSON.
  std::pair<int, Json> Get(const std::string& path) {
    auto res = client_->Get(path.c_str());
    if (!res) return {0, Json()};
    return {res->status, Json::parse(res->body, nullptr, false)};
  }

  IncidentStoreTest fixture_{
      ::testing::UnitTest::GetInstance()->current_test_info()->name()};
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, IncidentsAnswerTheExportsEvents) {
  Start("");
  auto [status, j] = Get("/api/incidents?limit=2&offset=1");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(j["total"], 4);
  EXPECT_EQ(j["limit"], 2);
  EXPECT_EQ(j["offset"], 1);
  ASSERT_EQ(j["incidents"].size(), 2u);
  auto event = IncidentEventJson(fixture_.store(), 2);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(j["incidents"][0], Json::parse(event->dump()));
  auto res = client_->Get("/api/incidents");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
}

TEST_F(ServerTest, FiltersApply) {
  Start("");
  auto [status, j] = Get("/api/incidents?side=nk");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["incidents"][0]["id"], 2);
  EXPECT_EQ(
      Get("/api/incidents?since=2022-09-01&type=shelling").second["total"], 1);
  EXPECT_EQ(Get("/api/incidents?bbox=44,39,47,41").second["total"], 3);
  EXPECT_EQ(Get("/api/incidents?place=Yerevan&_=123").second["total"], 1);
}

TEST_F(ServerTest, BadParametersAre400NamingTheParameter) {
  Start("");
  for (const char* path :
       {"/api/incidents?limit=abc", "/api/incidents?limit=1001",
        "/api/incidents?since=2022-13-01", "/api/incidents?bbox=1,2,3",
        "/api/incidents?side=XX", "/api/articles?limit=0",
        "/api/search?q=Sotk&limit=x"}) {
    auto [status, j] = Get(path);
    EXPECT_EQ(status, 400) << path;
    ASSERT_TRUE(j.contains("error")) << path;
  }
  auto [status, j] = Get("/api/incidents?limit=abc");
  EXPECT_NE(j["error"].get<std::string>().find("limit"), std::string::npos);
  EXPECT_EQ(Get("/api/search").first, 400);
  EXPECT_EQ(Get("/api/incidents/abc").first, 400);
}

TEST_F(ServerTest, OneIncidentOneArticleAndUnknowns) {
  Start("");
  auto [status, j] = Get("/api/incidents/1");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(j["id"], 1);
  EXPECT_EQ(j["claims"].size(), 2u);
  EXPECT_EQ(Get("/api/incidents/99").first, 404);
  EXPECT_TRUE(Get("/api/incidents/99").second.contains("error"));
  auto article = Get("/api/articles/2");
  ASSERT_EQ(article.first, 200);
  EXPECT_EQ(article.second["outlet"], "Paper, B");
  EXPECT_TRUE(article.second.contains("text"));
  auto list = Get("/api/articles?limit=2");
  ASSERT_EQ(list.first, 200);
  EXPECT_EQ(list.second["total"], 4);
  EXPECT_FALSE(list.second["articles"][0].contains("text"));
  EXPECT_EQ(Get("/api/articles/99").first, 404);
  EXPECT_EQ(Get("/api/nothing").first, 404);
  auto res = client_->Put("/api/incidents", "x", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
}

TEST_F(ServerTest, SearchTypesContradictionsProvisions) {
  Start("");
  auto search = Get("/api/search?q=b.txt");
  ASSERT_EQ(search.first, 200);
  ASSERT_FALSE(search.second["results"].empty());
  EXPECT_EQ(search.second["results"][0]["id"], 2);
  auto types = Get("/api/types");
  ASSERT_EQ(types.first, 200);
  EXPECT_EQ(types.second["types"].size(), 4u);
  auto contradictions = Get("/api/contradictions");
  ASSERT_EQ(contradictions.first, 200);
  ASSERT_EQ(contradictions.second.size(), 1u);
  EXPECT_EQ(contradictions.second[0]["incident"]["id"], 1);
  auto provisions = Get("/api/provisions");
  ASSERT_EQ(provisions.first, 200);
  EXPECT_FALSE(provisions.second["agreements"].empty());
}

TEST_F(ServerTest, IngestNeedsTheToken) {
  Start("s3cret");
  const std::string page =
      "Armenian Defence Ministry said Azerbaijani forces shelled Sotk on "
      "13 September 2022.\n";
  auto res = client_->Post("/api/ingest", page, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_NE(res->body.find("error"), std::string::npos);
  httplib::Headers wrong = {{"Authorization", "Bearer guess"}};
  res = client_->Post("/api/ingest", wrong, page, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  httplib::Headers right = {{"Authorization", "Bearer s3cret"}};
  res = client_->Post("/api/ingest?name=new.txt", right, page, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json j = Json::parse(res->body);
  EXPECT_EQ(j["stored"], 1);
  EXPECT_EQ(j["articles"].size(), 1u);
  // The readers see what was written.
  EXPECT_EQ(Get("/api/articles").second["total"], 5);
  // The same page again changes nothing.
  res = client_->Post("/api/ingest?name=new.txt", right, page, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(Json::parse(res->body)["unchanged"], 1);
  EXPECT_EQ(client_->Get("/api/ingest")->status, 405);
}

TEST_F(ServerTest, AnswersFollowWritesOfOtherConnections) {
  Start("");
  auto before = Get("/api/incidents/3");
  ASSERT_EQ(before.first, 200);
  EXPECT_TRUE(before.second["fatalities"].is_null());
  EXPECT_EQ(Get("/api/incidents?type=protest_blockade").second["incidents"][0],
            before.second);  // served from the cache now
  // Another connection (the fixture's) changes the incident.
  auto incident = fixture_.store().ReadIncident(3);
  ASSERT_TRUE(incident.ok());
  incident->fatalities = {true, 1, 2};
  ASSERT_TRUE(fixture_.store().Begin().ok());
  ASSERT_TRUE(fixture_.store().UpdateIncident(*incident, nullptr).ok());
  ASSERT_TRUE(fixture_.store().Commit().ok());
  auto after = Get("/api/incidents/3");
  ASSERT_EQ(after.first, 200);
  EXPECT_EQ(after.second["fatalities"]["low"], 1);
  EXPECT_EQ(after.second["fatalities"]["high"], 2);
  // The cached page follows too.
  EXPECT_EQ(Get("/api/incidents?type=protest_blockade")
                .second["incidents"][0]["fatalities"]["low"],
            1);
}

TEST_F(ServerTest, OddRequestsGetJsonAnswers) {
  Start("");
  ApiRequest r;
  r.method = "GET";
  const std::string bad_utf8 = "\xff\xfe\xc3";
  const std::string huge(100000, 'x');
  struct Case {
    std::string path, param, value;
  };
  const std::vector<Case> cases = {
      {"/api/incidents", "place", bad_utf8},
      {"/api/incidents", "place", huge},
      {"/api/incidents", "type", huge},
      {"/api/incidents", "bbox", "1e400,0,1,1"},
      {"/api/incidents", "offset", "99999999999999999999"},
      {"/api/search", "q", bad_utf8 + " Sotk"},
      {"/api/search", "q", huge},
      {"/api/incidents/1/extra", "", ""},
      {"/api/incidents/", "", ""},
      {"/api/articles/-1", "", ""},
      {"/api", "", ""},
  };
  for (const Case& c : cases) {
    r.path = c.path;
    r.params.clear();
    if (!c.param.empty()) r.params.emplace(c.param, c.value);
    ApiResponse out = api_->Handle(r);
    EXPECT_TRUE(out.status == 200 || (out.status >= 400 && out.status < 500))
        << c.path << " " << c.param << ": " << out.status;
    EXPECT_FALSE(Json::parse(out.body, nullptr, false).is_discarded())
        << c.path << " " << c.param;
    EXPECT_LT(out.body.size(), 1000u + 100000u);
  }
}

TEST(EventCacheTest, GenerationsAndBound) {
  EventCache cache(100);
  const uint64_t g = cache.generation();
  cache.Put("1", g, "one");
  EXPECT_EQ(cache.Get("1", g).value_or(""), "one");
  cache.Invalidate();
  EXPECT_FALSE(cache.Get("1", cache.generation()).has_value());
  cache.Put("2", g, "stale");  // read before the change: not kept
  EXPECT_FALSE(cache.Get("2", g).has_value());
  cache.Put("3", cache.generation(), std::string(80, 'x'));
  cache.Put("4", cache.generation(), std::string(80, 'y'));  // over the bound
  EXPECT_FALSE(cache.Get("3", cache.generation()).has_value());
  EXPECT_TRUE(cache.Get("4", cache.generation()).has_value());
}

TEST_F(ServerTest, ReadOnlyServerRefusesIngest) {
  Start("");
  httplib::Headers auth = {{"Authorization", "Bearer anything"}};
  auto res = client_->Post("/api/ingest", auth, "page", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST_F(ServerTest, RootSaysTheDashboardIsNotBuilt) {
  Start("", "/nonexistent/web/dist");
  auto res = client_->Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("dashboard is not built"), std::string::npos);
  EXPECT_EQ(client_->Get("/app.js")->status, 404);
}

TEST_F(ServerTest, ServesTheDashboardDirectory) {
  const std::string dir =
      ::testing::TempDir() + "/web_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/index.html") << "<html>dashboard</html>";
  std::ofstream(dir + "/app.js") << "console.log(1);";
  Start("", dir);
  auto res = client_->Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "<html>dashboard</html>");
  res = client_->Get("/app.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("javascript"),
            std::string::npos);
  EXPECT_EQ(Get("/api/incidents").first, 200);  // the API still answers
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ceasewatch
