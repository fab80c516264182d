// The Audit page as an engineer reads it, offscreen, on a real SecurityService (journal.db in a
// temporary directory): rows appear newest first with time, user, action, target, detail and
// result; the action, user and text filters narrow them; a row audited while the page is shown
// appears without a refresh.

#include "auditlistmodel.h"
#include "metatypes.h"
#include "qmltesting.h"
#include "securitytesting.h"

#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using namespace vigil::testing;

namespace
{

AuditEntry entry(const char *user, const char *action, const char *target, const char *detail,
                 const char *result = "ok")
{
    AuditEntry e;
    e.user = QString::fromUtf8(user);
    e.action = QString::fromUtf8(action);
    e.target = QString::fromUtf8(target);
    e.detail = QString::fromUtf8(detail);
    e.result = QString::fromUtf8(result);
    return e;
}

QString textOf(QQuickItem *item)
{
    return item ? item->property("text").toString() : QStringLiteral("<no item>");
}

} // namespace

class TstAuditPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rowsAppearNewestFirst();
    void filtersNarrowTheRows();
    void newRowsAppearWhileShown();

private:
    QQuickItem *item(const QString &name) const { return findItem(m_window, name); }
    // The texts of a row's cells: user, action, target, detail, result.
    QStringList row(int index) const;
    void click(const QString &name);

    QQmlEngine m_qml;
    std::unique_ptr<SecurityFixture> m_security;
    std::unique_ptr<AuditListModel> m_model;
    QQuickWindow *m_window = nullptr;
};

void TstAuditPage::initTestCase()
{
    registerCoreMetaTypes();
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    m_qml.addImportPath(QStringLiteral("qrc:/qt/qml"));
}

void TstAuditPage::init()
{
    m_security = std::make_unique<SecurityFixture>();
    QString error;
    QVERIFY2(m_security->start(SecurityOptions(), &error), qPrintable(error));
    SecurityService &s = *m_security->service;
    s.audit(entry("alice", "login", "alice", ""));
    s.audit(entry("alice", "user.add", "otto", "role operator"));
    s.audit(entry("otto", "alarm.acknowledge", "LT101/hi", "seen, pump checked"));
    s.audit(entry("otto", "command.refused", "P101.CMD", "LT101 < 10 % (dry-run protection)",
                  "refused"));
    QTRY_COMPARE(m_security->auditRows().size(), 4);

    m_model = std::make_unique<AuditListModel>(s, m_security->clock);
    m_window = createWindow(m_qml, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property AuditListModel audit
            width: 1280; height: 720; visible: true
            AuditPage { anchors.fill: parent; audit: w.audit }
        })"),
                            {{QStringLiteral("audit"), QVariant::fromValue(m_model.get())}}, &error,
                            QStringLiteral("qrc:/auditpage.qml"));
    QVERIFY2(m_window, qPrintable(error));
}

void TstAuditPage::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_model.reset();
    m_security.reset();
}

QStringList TstAuditPage::row(int index) const
{
    QQuickItem *r = item(QStringLiteral("auditRow_%1").arg(index));
    if (!r)
        return {QStringLiteral("<no row %1>").arg(index)};
    QStringList cells;
    for (const char *name :
         {"auditUser", "auditAction", "auditTarget", "auditDetail", "auditResult"})
        cells.append(textOf(findItem(r, QString::fromLatin1(name))));
    return cells;
}

void TstAuditPage::click(const QString &name)
{
    QQuickItem *target = item(name);
    QVERIFY2(target && target->isVisible(), qPrintable(name));
    QTest::mouseClick(
        m_window, Qt::LeftButton, {},
        target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
}

void TstAuditPage::rowsAppearNewestFirst()
{
    QVERIFY(m_model->active());
    QTRY_COMPARE(m_model->count(), 4);
    QTRY_VERIFY(item(QStringLiteral("auditRow_3")));
    QCOMPARE(row(0), (QStringList{"otto", "command.refused", "P101.CMD",
                                  "LT101 < 10 % (dry-run protection)", "refused"}));
    QCOMPARE(row(1),
             (QStringList{"otto", "alarm.acknowledge", "LT101/hi", "seen, pump checked", "ok"}));
    QCOMPARE(row(3), (QStringList{"alice", "login", "alice", "", "ok"}));
    if (const QString dir = qEnvironmentVariable("VIGIL_TEST_SCREENSHOTS"); !dir.isEmpty())
        m_window->grabWindow().save(dir + QStringLiteral("/audit-page.png"));
}

void TstAuditPage::filtersNarrowTheRows()
{
    QTRY_COMPARE(m_model->count(), 4);
    click(QStringLiteral("actionFilter_alarm."));
    QCOMPARE(m_model->actionFilter(), QStringLiteral("alarm."));
    QTRY_COMPARE(m_model->count(), 1);
    QTRY_COMPARE(row(0).value(1), QStringLiteral("alarm.acknowledge"));

    click(QStringLiteral("actionFilter_all"));
    QTRY_COMPARE(m_model->count(), 4);
    m_model->setUserFilter(QStringLiteral("alice"));
    QTRY_COMPARE(m_model->count(), 2);
    m_model->setUserFilter(QString());
    m_model->setTextFilter(QStringLiteral("dry-run"));
    QTRY_COMPARE(m_model->count(), 1);
    QTRY_COMPARE(row(0).value(1), QStringLiteral("command.refused"));
}

void TstAuditPage::newRowsAppearWhileShown()
{
    QTRY_COMPARE(m_model->count(), 4);
    m_security->service->audit(entry("otto", "alarm.shelve", "TT201/lo", "known fault (one-shot)"));
    QTRY_COMPARE(m_model->count(), 5);
    QTRY_COMPARE(row(0).value(1), QStringLiteral("alarm.shelve"));
    // Hidden, it stays as it is until shown again.
    m_window->contentItem()->childItems().constFirst()->setVisible(false);
    QVERIFY(!m_model->active());
    m_security->service->audit(entry("otto", "alarm.unshelve", "TT201/lo", ""));
    QTRY_COMPARE(m_security->auditRows().size(), 6);
    QCOMPARE(m_model->count(), 5);
    m_window->contentItem()->childItems().constFirst()->setVisible(true);
    QTRY_COMPARE(m_model->count(), 6);
}

QTEST_MAIN(TstAuditPage)
#include "tst_auditpage.moc"
