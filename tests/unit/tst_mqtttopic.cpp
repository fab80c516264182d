// Topic filters (validation, matching, containment), the topic index of the receive path, and
// JSON field paths.

#include "mqtt/jsonfieldpath.h"
#include "mqtt/mqtttopic.h"
#include "mqtt/mqtttopicindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace vigil;

class TestMqttTopic : public QObject
{
    Q_OBJECT

private slots:
    void filterValidation_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "plant/unit1/temp" << true;
        QTest::newRow("plus") << "plant/+/temp" << true;
        QTest::newRow("hash") << "plant/#" << true;
        QTest::newRow("hash alone") << "#" << true;
        QTest::newRow("plus alone") << "+" << true;
        QTest::newRow("empty levels") << "a//b" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("hash not last") << "plant/#/temp" << false;
        QTest::newRow("hash in level") << "plant/te#" << false;
        QTest::newRow("plus in level") << "plant/te+mp" << false;
    }
    void filterValidation()
    {
        QFETCH(QString, filter);
        QFETCH(bool, valid);
        QCOMPARE(MqttTopic::checkFilter(filter).isEmpty(), valid);
    }

    void nameValidation()
    {
        QVERIFY(MqttTopic::checkName(u"plant/unit1/cmd").isEmpty());
        QVERIFY(!MqttTopic::checkName(u"plant/+/cmd").isEmpty());
        QVERIFY(!MqttTopic::checkName(u"plant/#").isEmpty());
        QVERIFY(!MqttTopic::checkName(u"").isEmpty());
    }

    void matching_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << "a/b/c"
                               << "a/b/c" << true;
        QTest::newRow("exact differs") << "a/b/c"
                                       << "a/b/d" << false;
        QTest::newRow("plus") << "a/+/c"
                              << "a/x/c" << true;
        QTest::newRow("plus one level only") << "a/+/c"
                                             << "a/x/y/c" << false;
        QTest::newRow("plus empty level") << "a/+"
                                          << "a/" << true;
        QTest::newRow("plus needs the level") << "a/+"
                                              << "a" << false;
        QTest::newRow("hash deep") << "a/#"
                                   << "a/b/c/d" << true;
        QTest::newRow("hash parent") << "a/#"
                                     << "a" << true;
        QTest::newRow("hash other") << "a/#"
                                    << "b/c" << false;
        QTest::newRow("hash all") << "#"
                                  << "x/y" << true;
        QTest::newRow("hash skips $SYS") << "#"
                                         << "$SYS/broker/load" << false;
        QTest::newRow("plus skips $SYS") << "+/broker/load"
                                         << "$SYS/broker/load" << false;
        QTest::newRow("explicit $SYS") << "$SYS/#"
                                       << "$SYS/broker/load" << true;
        QTest::newRow("longer topic") << "a/b"
                                      << "a/b/c" << false;
    }
    void matching()
    {
        QFETCH(QString, filter);
        QFETCH(QString, topic);
        QFETCH(bool, matches);
        QCOMPARE(MqttTopic::matches(filter, topic), matches);

        // The index agrees with the reference matcher, with other filters around it.
        MqttTopicIndex index;
        index.add("unrelated/topic", 7);
        index.add("other/+/x", 8);
        const QByteArray f = filter.toUtf8();
        index.add(std::string_view(f.constData(), size_t(f.size())), 1);
        std::vector<quint32> found;
        const QByteArray t = topic.toUtf8();
        index.match(std::string_view(t.constData(), size_t(t.size())), found);
        QCOMPARE(std::count(found.begin(), found.end(), 1u) == 1, matches);
        QCOMPARE(std::count(found.begin(), found.end(), 7u), 0);
    }

    void indexFeedsSeveralEntriesFromOneTopic()
    {
        MqttTopicIndex index;
        index.add("plant/unit1/state", 0);
        index.add("plant/unit1/state", 1); // two tags from one message
        index.add("plant/+/state", 2);
        index.add("plant/#", 3);
        index.add("plant/unit2/state", 4);
        std::vector<quint32> found;
        index.match("plant/unit1/state", found);
        std::sort(found.begin(), found.end());
        QCOMPARE(found, (std::vector<quint32>{0, 1, 2, 3}));
        found.clear();
        index.match("elsewhere", found);
        QVERIFY(found.empty());
    }

    void indexScalesToManyTopics()
    {
        MqttTopicIndex index;
        for (quint32 i = 0; i < 5000; ++i)
            index.add(QStringLiteral("site/line%1/value").arg(i).toStdString(), i);
        std::vector<quint32> found;
        index.match("site/line4321/value", found);
        QCOMPARE(found, std::vector<quint32>{4321});
    }

    void covers_data()
    {
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<bool>("covers");
        QTest::newRow("same") << "a/b"
                              << "a/b" << true;
        QTest::newRow("hash covers name") << "a/#"
                                          << "a/b/c" << true;
        QTest::newRow("hash covers plus") << "a/#"
                                          << "a/+/c" << true;
        QTest::newRow("hash covers hash") << "a/#"
                                          << "a/b/#" << true;
        QTest::newRow("plus covers name") << "a/+/c"
                                          << "a/b/c" << true;
        QTest::newRow("plus covers plus") << "a/+"
                                          << "a/+" << true;
        QTest::newRow("name does not cover plus") << "a/b"
                                                  << "a/+" << false;
        QTest::newRow("plus does not cover hash") << "a/+"
                                                  << "a/#" << false;
        QTest::newRow("different branch") << "a/#"
                                          << "b/c" << false;
        QTest::newRow("deeper inner") << "a/+"
                                      << "a/b/c" << false;
        QTest::newRow("hash and $SYS") << "#"
                                       << "$SYS/x" << false;
    }
    void covers()
    {
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(bool, covers);
        QCOMPARE(MqttTopic::covers(outer, inner), covers);
    }

    void fieldPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected"); // compact JSON of the value, or "" if missing
        const QString doc = QStringLiteral(
            R"({"data":{"temp":21.5,"a.b":1},"values":[10,20,30],"units":[{"flow":4.5}],"ok":true})");
        QTest::newRow("key") << "ok" << doc << "true";
        QTest::newRow("nested") << "data.temp" << doc << "21.5";
        QTest::newRow("index") << "values[2]" << doc << "30";
        QTest::newRow("index then key") << "units[0].flow" << doc << "4.5";
        QTest::newRow("quoted key") << R"(data["a.b"])" << doc << "1";
        QTest::newRow("root") << "" << doc.left(0) + "[5]"
                              << "[5]";
        QTest::newRow("missing key") << "data.hum" << doc << "";
        QTest::newRow("index out of range") << "values[3]" << doc << "";
        QTest::newRow("index on object") << "data[0]" << doc << "";
        QTest::newRow("key on array") << "values.x" << doc << "";
    }
    void fieldPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, json);
        QFETCH(QString, expected);
        QString error;
        const std::optional<JsonFieldPath> p = JsonFieldPath::parse(path, &error);
        QVERIFY2(p, qPrintable(error));
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
        const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        const std::optional<QJsonValue> v = p->find(root, &error);
        if (expected.isEmpty()) {
            QVERIFY(!v);
            QVERIFY(!error.isEmpty());
        } else {
            QVERIFY2(v, qPrintable(error));
            const QByteArray compact = QJsonDocument(QJsonArray{*v}).toJson(QJsonDocument::Compact);
            QCOMPARE(QString::fromUtf8(compact.mid(1, compact.size() - 2)), expected);
        }
    }

    void invalidFieldPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("trailing dot") << "data.";
        QTest::newRow("leading dot") << ".data";
        QTest::newRow("double dot") << "a..b";
        QTest::newRow("unclosed bracket") << "values[2";
        QTest::newRow("negative index") << "values[-1]";
        QTest::newRow("word index") << "values[x]";
        QTest::newRow("stray bracket") << "values]";
        QTest::newRow("no dot after index") << "values[0]x";
    }
    void invalidFieldPaths()
    {
        QFETCH(QString, path);
        QString error;
        QVERIFY(!JsonFieldPath::parse(path, &error));
        QVERIFY(error.contains(path));
    }
};

QTEST_GUILESS_MAIN(TestMqttTopic)
#include "tst_mqtttopic.moc"
