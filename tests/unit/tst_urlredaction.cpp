#include "util/urlredaction.h"

#include <QTest>

using namespace vigil;

class TestUrlRedaction : public QObject
{
    Q_OBJECT

private slots:
    void redactsOneUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("shown");
        QTest::newRow("postgres password") << "postgresql://vigil:s3cret@db.plant.local:5432/vigil"
                                           << "postgresql://vigil:***@db.plant.local:5432/vigil";
        QTest::newRow("broker password") << "mqtts://panel:hunter2@broker:8883"
                                         << "mqtts://panel:***@broker:8883";
        QTest::newRow("password with @ and /") << "postgresql://u:p@ss/w?rd@host/db"
                                               << "postgresql://u:***@host/db";
        QTest::newRow("query password")
            << "postgresql://u@host/db?sslmode=require&password=s3cret&x=1"
            << "postgresql://u@host/db?sslmode=require&password=***&x=1";
        QTest::newRow("user only") << "postgresql://vigil@host/db"
                                   << "postgresql://vigil@host/db";
        QTest::newRow("port, no user") << "mqtt://127.0.0.1:1883"
                                       << "mqtt://127.0.0.1:1883";
        QTest::newRow("empty password") << "mqtt://u:@h:1883"
                                        << "mqtt://u:@h:1883";
        QTest::newRow("sqlite") << "sqlite:/var/lib/vigil/history.db"
                                << "sqlite:/var/lib/vigil/history.db";
        QTest::newRow("not a url") << "no url here"
                                   << "no url here";
    }
    void redactsOneUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, shown);
        QCOMPARE(UrlRedaction::redact(url), shown);
    }

    void redactsUrlsInText()
    {
        const QString text = QStringLiteral(
            "cannot open 'postgresql://a:pw1@h1/db' or mqtt://b:pw2@h2:1883, then mqtt://h3");
        const QString shown = UrlRedaction::redactAll(text);
        QCOMPARE(shown, QStringLiteral("cannot open 'postgresql://a:***@h1/db' or "
                                       "mqtt://b:***@h2:1883, then mqtt://h3"));
        QVERIFY(!shown.contains(u"pw1"));
        QVERIFY(!shown.contains(u"pw2"));
    }
};

QTEST_APPLESS_MAIN(TestUrlRedaction)
#include "tst_urlredaction.moc"
