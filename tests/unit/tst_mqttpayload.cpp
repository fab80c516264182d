// The receive path without a broker: every mapping case (plain, JSON field paths, timestamps,
// wildcards, one message feeding several tags), every bad payload (rejected with its reason, no
// sample, so the tag keeps its last value), staleness, and command payload templates.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "driverregistry.h"
#include "mqtt/mqttcommandencoder.h"
#include "mqtt/mqttmessagerouter.h"

#include <QDateTime>
#include <QTest>

using namespace vigil;

class TestMqttPayload : public QObject
{
    Q_OBJECT

private:
    DriverRegistry m_registry;
    std::optional<PlantConfig> m_plant;
    std::unique_ptr<MqttMessageRouter> m_router;

    static constexpr qint64 now = Q_INT64_C(1700000000000);

    quint32 tag(const QString &id) const { return *m_plant->tags->indexOf(id); }

    MqttMessageRouter::Outcome route(const QByteArray &topic, const QByteArray &payload,
                                     SampleBatch &out, qint64 at = now)
    {
        return m_router->route(std::string_view(topic.constData(), size_t(topic.size())), payload,
                               at, out);
    }

private slots:
    void initTestCase()
    {
        registerBuiltinDrivers(m_registry);
        const QString path = QStringLiteral(VIGIL_TEST_DATA_DIR "/mqtt/payload_plant.toml");
        PlantLoader::Result r = PlantLoader(m_registry).load(path);
        QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
        m_plant = std::move(r.plant);
        m_router = std::make_unique<MqttMessageRouter>(128);
        for (quint32 t : m_plant->tags->tagsOfDevice(QStringLiteral("broker"))) {
            Diagnostics d;
            std::optional<MqttTagMapping> m = MqttTagMapping::read(m_plant->tags->at(t), d);
            QVERIFY2(m, qPrintable(d.toStringList().join(u'\n')));
            m_router->addTag(t, m_plant->tags->at(t).type, std::move(*m));
        }
    }

    void topicFiltersAreDistinctWithHighestQos()
    {
        const QList<QPair<QString, int>> filters = m_router->topicFilters();
        QCOMPARE(filters.size(), 9);
        QVERIFY(filters.contains(qMakePair(QStringLiteral("j/unit1"), 1)));
        QVERIFY(filters.contains(qMakePair(QStringLiteral("w/+/level"), 0)));
    }

    void goodPayloads_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("tagId");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");

        QTest::newRow("plain float")
            << QByteArray("p/float") << QByteArray("21.5") << "PLAIN.F" << 21.5 << "";
        QTest::newRow("plain float spaces")
            << QByteArray("p/float") << QByteArray(" -3.25e2\r\n") << "PLAIN.F" << -325.0 << "";
        QTest::newRow("plain int")
            << QByteArray("p/int") << QByteArray("-1234") << "PLAIN.I16" << -1234.0 << "";
        QTest::newRow("plain int as 7.0")
            << QByteArray("p/int") << QByteArray("7.0") << "PLAIN.I16" << 7.0 << "";
        QTest::newRow("plain true")
            << QByteArray("p/bool") << QByteArray("true") << "PLAIN.B" << 1.0 << "";
        QTest::newRow("plain ON") << QByteArray("p/bool") << QByteArray("ON") << "PLAIN.B" << 1.0
                                  << "";
        QTest::newRow("plain 0") << QByteArray("p/bool") << QByteArray("0") << "PLAIN.B" << 0.0
                                 << "";
        QTest::newRow("plain text")
            << QByteArray("p/text") << QByteArray("AUTO ✓") << "PLAIN.S" << 0.0 << "AUTO ✓";
        QTest::newRow("json root scalar")
            << QByteArray("j/root") << QByteArray(" 42.5 ") << "J.ROOT" << 42.5 << "";
        QTest::newRow("wildcard +")
            << QByteArray("w/tank7/level") << QByteArray("3") << "W.ANY" << 3.0 << "";
        QTest::newRow("wildcard #")
            << QByteArray("w/a/b/c") << QByteArray("deep") << "W.DEEP" << 0.0 << "deep";
    }
    void goodPayloads()
    {
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, tagId);
        QFETCH(double, value);
        QFETCH(QString, text);
        SampleBatch out;
        const MqttMessageRouter::Outcome o = route(topic, payload, out);
        QVERIFY2(!o.rejection, o.rejection ? qPrintable(o.rejection->detail) : "");
        QVERIFY(o.matched);
        bool found = false;
        for (const TagSample &s : out) {
            if (s.tag != tag(tagId))
                continue;
            found = true;
            QCOMPARE(s.quality, Quality::Good);
            QCOMPARE(s.sourceTime, now);
            if (m_plant->tags->at(s.tag).type == DataType::String)
                QCOMPARE(s.text, text);
            else
                QCOMPARE(s.value, value);
        }
        QVERIFY(found);
    }

    void oneJsonMessageFeedsSeveralTags()
    {
        SampleBatch out;
        const MqttMessageRouter::Outcome o = route(
            "j/unit1",
            R"({"data":{"temp":71.25},"values":[1,2,3.5],"mode":"AUTO","run":true,"ts":1700000001234})",
            out);
        QVERIFY2(!o.rejection, o.rejection ? qPrintable(o.rejection->detail) : "");
        QCOMPARE(o.samples, 4);
        QCOMPARE(out.size(), 4);
        for (const TagSample &s : out) {
            if (s.tag == tag(QStringLiteral("J.TEMP"))) {
                QCOMPARE(s.value, 71.25);
                QCOMPARE(s.sourceTime, Q_INT64_C(1700000001234)); // from the payload's ts field
            } else if (s.tag == tag(QStringLiteral("J.V2"))) {
                QCOMPARE(s.value, 3.5);
                QCOMPARE(s.sourceTime, now);
            } else if (s.tag == tag(QStringLiteral("J.MODE"))) {
                QCOMPARE(s.text, QStringLiteral("AUTO"));
            } else {
                QCOMPARE(s.tag, tag(QStringLiteral("J.RUN")));
                QCOMPARE(s.value, 1.0);
            }
        }
    }

    void isoTimestamp()
    {
        SampleBatch out;
        const MqttMessageRouter::Outcome o = route(
            "j/unit1",
            R"({"data":{"temp":5},"values":[0,0,0],"mode":"M","run":0,"ts":"2024-05-01T12:00:00.250Z"})",
            out,
            QDateTime::fromString(QStringLiteral("2024-05-01T12:00:01Z"), Qt::ISODate)
                .toMSecsSinceEpoch());
        QVERIFY2(!o.rejection, o.rejection ? qPrintable(o.rejection->detail) : "");
        const qint64 expected =
            QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00.250Z"), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        for (const TagSample &s : out) {
            if (s.tag == tag(QStringLiteral("J.TEMP")))
                QCOMPARE(s.sourceTime, expected);
        }
    }

    // A tag that says its timestamps are epoch seconds gets them as such, within its window.
    void timestampInSeconds()
    {
        SampleBatch out;
        MqttMessageRouter::Outcome o = route("s/unit1", R"({"v":5,"t":1699999999})", out);
        QVERIFY2(!o.rejection, o.rejection ? qPrintable(o.rejection->detail) : "");
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.first().sourceTime, Q_INT64_C(1699999999000));
        out.clear();
        o = route("s/unit1", R"({"v":5,"t":1699999999000})", out); // milliseconds: refused
        QVERIFY(o.rejection);
        QCOMPARE(int(o.rejection->reason), int(MqttReject::BadTimestamp));
        QVERIFY2(o.rejection->detail.contains(u"it looks like epoch ms"),
                 qPrintable(o.rejection->detail));
        QVERIFY(out.isEmpty());
    }

    void timestampAtTheWindowEdgeIsTaken()
    {
        SampleBatch out;
        MqttMessageRouter::Outcome o = route(
            "j/unit1",
            R"({"data":{"temp":1},"values":[1,2,3],"mode":"A","run":true,"ts":1700000010000})",
            out);
        QVERIFY2(!o.rejection, o.rejection ? qPrintable(o.rejection->detail) : "");
        o = route(
            "j/unit1",
            R"({"data":{"temp":1},"values":[1,2,3],"mode":"A","run":true,"ts":1699996400000})",
            out);
        QVERIFY2(!o.rejection, o.rejection ? qPrintable(o.rejection->detail) : "");
    }

    void badPayloads_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("detailFragment");
        const QByteArray j = "j/unit1";
        auto add = [](const char *name, const QByteArray &topic, const QByteArray &payload,
                      MqttReject reason, const QString &fragment) {
            QTest::newRow(name) << topic << payload << int(reason) << fragment;
        };
        add("too large", "p/float", QByteArray(129, '1'), MqttReject::TooLarge,
            "129 bytes, the limit is 128");
        add("not a number", "p/float", "abc", MqttReject::WrongType, "'abc' is not a number");
        add("empty", "p/float", "", MqttReject::WrongType, "not a number");
        add("number with junk", "p/float", "12abc", MqttReject::WrongType, "not a number");
        add("NaN", "p/float", "nan", MqttReject::NotFinite, "finite");
        add("Inf", "p/float", "-inf", MqttReject::NotFinite, "finite");
        add("overflow", "p/float", "1e999", MqttReject::NotFinite, "finite");
        add("int fraction", "p/int", "12.5", MqttReject::OutOfRange, "whole number");
        add("int overflow", "p/int", "40000", MqttReject::OutOfRange, "does not fit a int16");
        add("bool word", "p/bool", "maybe", MqttReject::WrongType, "true/false");
        add("invalid UTF-8 text", "p/text", "ab\xff\xfe", MqttReject::InvalidUtf8, "UTF-8");
        add("invalid UTF-8 number", "p/float", "1\xc3", MqttReject::InvalidUtf8, "UTF-8");
        add("invalid JSON", j, "{\"data\": {", MqttReject::InvalidJson, "offset");
        add("JSON NaN", j, R"({"data":{"temp":NaN}})", MqttReject::InvalidJson, "offset");
        add("JSON huge number", j, R"({"data":{"temp":1e999}})", MqttReject::InvalidJson, "offset");
        add("JSON invalid UTF-8", j, "{\"mode\":\"\xff\"}", MqttReject::InvalidUtf8, "UTF8");
        add("missing field", j, R"({"values":[1,2,3],"mode":"A","run":true,"ts":1700000000000})",
            MqttReject::MissingField, "no field 'data'");
        add("missing index", j,
            R"({"data":{"temp":1},"values":[1],"mode":"A","run":true,"ts":1700000000000})",
            MqttReject::MissingField, "values[2]");
        add("wrong type text", j,
            R"({"data":{"temp":"hot"},"values":[1,2,3],"mode":"A","run":true,"ts":1700000000000})",
            MqttReject::WrongType, "field 'data.temp' is text");
        add("wrong type null", j,
            R"({"data":{"temp":null},"values":[1,2,3],"mode":"A","run":true,"ts":1700000000000})",
            MqttReject::WrongType, "null");
        add("wrong type for text tag", j,
            R"({"data":{"temp":1},"values":[1,2,3],"mode":5,"run":true,"ts":1700000000000})",
            MqttReject::WrongType, "field 'mode' is a number");
        add("wrong type for bool tag", j,
            R"({"data":{"temp":1},"values":[1,2,3],"mode":"A","run":"yes","ts":1700000000000})",
            MqttReject::WrongType, "field 'run'");
        add("bad timestamp", j,
            R"({"data":{"temp":1},"values":[1,2,3],"mode":"A","run":true,"ts":"yesterday"})",
            MqttReject::BadTimestamp, "'yesterday'");
        // Source times outside the window around the panel clock (now = 2023-11-14T22:13:20Z,
        // default: 10 s ahead, 1 h old), 1970 and a guessed unit are refused with the reason.
        auto withTs = [](const QByteArray &ts) {
            return R"({"data":{"temp":1},"values":[1,2,3],"mode":"A","run":true,"ts":)" + ts + "}";
        };
        add("timestamp year 3000", j, withTs("32503680000000"), MqttReject::BadTimestamp,
            "is 3000-01-01T00:00:00.000Z, 976 years ahead of the panel clock (the limit is 10 s)");
        add("timestamp 11 s ahead", j, withTs("1700000011000"), MqttReject::BadTimestamp,
            "11 s ahead");
        add("timestamp 2 h old", j, withTs("1699992800000"), MqttReject::BadTimestamp,
            "2.0 h older than the panel clock (the limit is 60 min)");
        add("timestamp in seconds", j, withTs("1700000000"), MqttReject::BadTimestamp,
            "it looks like epoch s (timestamp_unit = \"s\")");
        add("timestamp in microseconds", j, withTs("1700000000000000"), MqttReject::BadTimestamp,
            "it looks like epoch us");
        add("timestamp 1970", j, withTs("1000"), MqttReject::BadTimestamp, "before 2000");
        add("timestamp zero", j, withTs("0"), MqttReject::BadTimestamp, "1970-01-01");
        add("timestamp negative", j, withTs("-5"), MqttReject::BadTimestamp, "before 2000");
        add("timestamp ISO in the future", j, withTs(R"("2030-01-01T00:00:00Z")"),
            MqttReject::BadTimestamp, "'2030-01-01T00:00:00Z' is 2030-01-01T00:00:00.000Z");
        add("timestamp null", j, withTs("null"), MqttReject::BadTimestamp, "null");
        add("missing timestamp", j, R"({"data":{"temp":1},"values":[1,2,3],"mode":"A","run":true})",
            MqttReject::MissingField, "timestamp field 'ts'");
    }
    void badPayloads()
    {
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, payload);
        QFETCH(int, reason);
        QFETCH(QString, detailFragment);
        SampleBatch out;
        const MqttMessageRouter::Outcome o = route(topic, payload, out);
        QVERIFY(o.matched);
        QVERIFY(o.rejection);
        QCOMPARE(int(o.rejection->reason), reason);
        QVERIFY2(o.rejection->detail.contains(detailFragment), qPrintable(o.rejection->detail));
        if (MqttReject(reason) == MqttReject::TooLarge ||
            MqttReject(reason) == MqttReject::InvalidJson || topic != "j/unit1")
            QVERIFY(out.isEmpty()); // nothing at all from this message
        for (const TagSample &s : out)
            QVERIFY(s.tag != o.rejection->tag); // the refusing tag got no sample
    }

    void staleness()
    {
        MqttMessageRouter router;
        Diagnostics d;
        const quint32 t = tag(QStringLiteral("J.TEMP"));
        router.addTag(t, DataType::Float32, *MqttTagMapping::read(m_plant->tags->at(t), d));
        QCOMPARE(router.shortestStaleAfterMs(), 5000);
        SampleBatch out;
        router.collectStale(now, out);
        QVERIFY(out.isEmpty()); // never received: nothing to call stale
        router.route("j/unit1", R"({"data":{"temp":33},"ts":1700000000000})", now, out);
        QCOMPARE(out.size(), 1);
        out.clear();
        router.collectStale(now + 4999, out);
        QVERIFY(out.isEmpty());
        router.collectStale(now + 5000, out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out.at(0).quality, Quality::Stale);
        QCOMPARE(out.at(0).value, 33.0); // last value kept
        out.clear();
        router.collectStale(now + 9000, out);
        QVERIFY(out.isEmpty()); // once
        router.route("j/unit1", R"({"data":{"temp":34},"ts":1700000000000})", now + 9000, out);
        QCOMPARE(out.at(0).quality, Quality::Good);
        out.clear();
        router.invalidateAll(); // connection lost: Bad, not stale
        router.collectStale(now + 20000, out);
        QVERIFY(out.isEmpty());
    }

    void commandTemplates_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("number");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        const int plain = int(MqttTagMapping::Format::Plain);
        const int json = int(MqttTagMapping::Format::Json);
        QTest::newRow("plain float")
            << plain << "" << int(DataType::Float64) << 61.5 << "" << QByteArray("61.5");
        QTest::newRow("plain int")
            << plain << "" << int(DataType::Int32) << 42.0 << "" << QByteArray("42");
        QTest::newRow("plain bool")
            << plain << "" << int(DataType::Bool) << 1.0 << "" << QByteArray("true");
        QTest::newRow("plain text")
            << plain << "" << int(DataType::String) << 0.0 << "MAN" << QByteArray("MAN");
        QTest::newRow("plain template")
            << plain << "SET ${value} (${tag})" << int(DataType::Float32) << 2.0 << ""
            << QByteArray("SET 2 (T1)");
        QTest::newRow("json default")
            << json << "" << int(DataType::Float64) << 0.1 << "" << QByteArray(R"({"value":0.1})");
        QTest::newRow("json bool")
            << json << R"({"cmd":"run","on":${value}})" << int(DataType::Bool) << 0.0 << ""
            << QByteArray(R"({"cmd":"run","on":false})");
        QTest::newRow("json text quoted")
            << json << R"({"mode":${value}})" << int(DataType::String) << 0.0 << "say \"hi\""
            << QByteArray("{\"mode\":\"say \\\"hi\\\"\"}");
        QTest::newRow("json timestamp")
            << json << R"({"sp":${value},"ts":${ts}})" << int(DataType::UInt16) << 7.0 << ""
            << QByteArray(R"({"sp":7,"ts":1700000000000})");
    }
    void commandTemplates()
    {
        QFETCH(int, format);
        QFETCH(QString, pattern);
        QFETCH(int, type);
        QFETCH(double, number);
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        MqttTagMapping m;
        m.commandFormat = MqttTagMapping::Format(format);
        m.commandTemplate = pattern;
        QCOMPARE(MqttCommandEncoder::checkTemplate(m.commandFormat, pattern, DataType(type)),
                 QString());
        RawValue raw;
        raw.number = number;
        raw.text = text;
        QCOMPARE(MqttCommandEncoder::encode(m, DataType(type), raw, QStringLiteral("T1"), now),
                 expected);
    }

    void badCommandTemplates_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no value") << int(MqttTagMapping::Format::Plain) << "SET"
                                  << "${value}";
        QTest::newRow("unknown placeholder")
            << int(MqttTagMapping::Format::Plain) << "${value} ${unit}"
            << "${unit}";
        QTest::newRow("unclosed") << int(MqttTagMapping::Format::Plain) << "${value"
                                  << "without";
        QTest::newRow("not JSON") << int(MqttTagMapping::Format::Json) << "{value: ${value}}"
                                  << "not valid JSON";
    }
    void badCommandTemplates()
    {
        QFETCH(int, format);
        QFETCH(QString, pattern);
        QFETCH(QString, fragment);
        const QString error = MqttCommandEncoder::checkTemplate(MqttTagMapping::Format(format),
                                                                pattern, DataType::Float64);
        QVERIFY2(error.contains(fragment), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestMqttPayload)
#include "tst_mqttpayload.moc"
