// The faceplates as operators use them, offscreen, on a real CommandService over a real TagTable
// (ManualClock): opened from a tag row; a viewer sees the controls disabled with the reason; an
// operator starts the pump with slide-to-confirm and sees the travel indicator until the feedback
// arrives; an interlock says what blocks; a setpoint cannot be typed outside its limits; a
// critical setpoint asks for a second user and refuses the operator confirming themselves; a
// stop or a new setpoint supersedes a command still travelling.

#include "faceplaterig.h"
#include "metatypes.h"
#include "qmltesting.h"

#include <QDir>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;
using namespace vigil::testing;

namespace
{

QString textOf(QQuickItem *item)
{
    return item ? item->property("text").toString() : QStringLiteral("<no item>");
}

const QString kPassword = QStringLiteral("correct horse battery");

} // namespace

class TstFaceplate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tagRowOpensTheFaceplate();
    void readOnlyTagIsViewOnly();
    void viewerSeesControlsDisabledWithTheReason();
    void operatorStartsThePumpWithSlideToConfirm();
    void releasedBeforeTheEndNothingIsSent();
    void stopWhileThePumpStarts();
    void newSetpointWhileTheLastIsVerified();
    void interlockSaysWhatBlocks();
    void keypadRefusesValuesOutsideTheLimits();
    void slideToConfirmFromTheKeyboard();
    void criticalSetpointNeedsASecondUser();
    void rendersAt1280x800();

private:
    QQuickItem *item(const QString &name) const { return findItem(m_window, name); }
    // A closed popup's items leave the scene: not found is not shown.
    bool shown(const QString &name) const
    {
        QQuickItem *found = item(name);
        return found && found->isVisible();
    }
    void click(QQuickItem *target);
    void slide(double fraction);
    void send(quint32 tag, double value) { m_rig->send(tag, value); }
    void openAs(const QString &tagId, const QString &user, Role role);
    bool startSecurity();
    void grab(const QString &name);

    QQmlEngine m_qml;
    QTemporaryDir m_dir;
    std::unique_ptr<FaceplateRig> m_rig;
    QQuickWindow *m_window = nullptr;
};

void TstFaceplate::initTestCase()
{
    registerCoreMetaTypes();
    QLocale::setDefault(QLocale::c());
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QVERIFY(m_dir.isValid());
}

void TstFaceplate::init()
{
    m_rig = std::make_unique<FaceplateRig>(m_dir.path());
    QString error;
    m_window = createWindow(m_qml, QByteArrayLiteral(R"(
        import QtQuick
        import Vigil
        Window {
            id: w
            required property TagFilterModel tags
            required property FaceplateController faceplate
            width: 1280; height: 800; visible: true
            color: Theme.background
            TagsPage {
                anchors.fill: parent
                tags: w.tags
                onTagOpened: (tagId) => w.faceplate.openTag(tagId)
            }
            Faceplate { controller: w.faceplate }
        })"),
                            {{QStringLiteral("tags"), QVariant::fromValue(&m_rig->rows)},
                             {QStringLiteral("faceplate"), QVariant::fromValue(&m_rig->faceplate)}},
                            &error, QStringLiteral("qrc:/faceplate.qml"));
    QVERIFY2(m_window, qPrintable(error));
}

void TstFaceplate::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_rig.reset();
}

void TstFaceplate::click(QQuickItem *target)
{
    QVERIFY(target);
    QVERIFY2(target->isVisible(), qPrintable(target->objectName()));
    QTest::mouseClick(
        m_window, Qt::LeftButton, {},
        target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
}

// Drags the slide-to-confirm knob by a fraction of its travel with the mouse, as a finger would,
// and lets go.
void TstFaceplate::slide(double fraction)
{
    QQuickItem *knob = item(QStringLiteral("slideKnob"));
    QQuickItem *track = item(QStringLiteral("slideToConfirm"));
    QVERIFY(knob && track && knob->isVisible());
    QTRY_VERIFY(track->isEnabled());
    // The row has just been shown: let the layout give the track its width first.
    QTRY_VERIFY(track->width() > track->implicitWidth());
    const QPoint start = knob->mapToScene(QPointF(knob->width() / 2, knob->height() / 2)).toPoint();
    const int distance = int((track->width() - knob->width()) * fraction) + (fraction >= 1 ? 8 : 0);
    QTest::mousePress(m_window, Qt::LeftButton, {}, start);
    for (int step = 1; step <= 10; ++step)
        QTest::mouseMove(m_window, start + QPoint(distance * step / 10, 0));
    QTest::mouseRelease(m_window, Qt::LeftButton, {}, start + QPoint(distance, 0));
}

void TstFaceplate::openAs(const QString &tagId, const QString &user, Role role)
{
    if (user.isEmpty())
        m_rig->session.logOut(QStringLiteral("user"));
    else
        m_rig->session.logIn(user, role);
    QVERIFY(m_rig->faceplate.openTag(tagId));
    QTRY_VERIFY(shown(QStringLiteral("faceplateTag")));
}

bool TstFaceplate::startSecurity()
{
    QString error;
    const bool started =
        startUserDatabase(m_rig->security, m_dir.filePath(QStringLiteral("journal.db")),
                          QStringLiteral("anna"), kPassword, &error);
    if (!started)
        qWarning().noquote() << error;
    return started;
}

void TstFaceplate::grab(const QString &name)
{
    const QImage image = m_window->grabWindow();
    const QString path = QDir::temp().filePath(QStringLiteral("vigil-faceplate-%1.png").arg(name));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo().noquote() << "saved" << path;
}

void TstFaceplate::tagRowOpensTheFaceplate()
{
    m_rig->session.logIn(QStringLiteral("olga"), Role::Operator);
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = item(QStringLiteral("tagRow_FIC301.SP"))) != nullptr);
    click(row);
    QTRY_VERIFY(m_rig->faceplate.isOpen());
    QTRY_COMPARE(textOf(item(QStringLiteral("faceplateTag"))), QStringLiteral("FIC301.SP"));
    QCOMPARE(textOf(item(QStringLiteral("faceplateCurrent"))), QStringLiteral("12.5 m³/h"));
    QVERIFY(item(QStringLiteral("keypad"))->isVisible());
    QCOMPARE(m_rig->faceplate.kind(), QStringLiteral("analog"));

    click(item(QStringLiteral("faceplateClose")));
    QTRY_VERIFY(!m_rig->faceplate.isOpen());
    QTRY_VERIFY(!shown(QStringLiteral("faceplateTag")));
}

void TstFaceplate::readOnlyTagIsViewOnly()
{
    m_rig->session.logIn(QStringLiteral("olga"), Role::Operator);
    QQuickItem *row = nullptr;
    QTRY_VERIFY((row = item(QStringLiteral("tagRow_LT101"))) != nullptr);
    click(row);
    QTRY_COMPARE(textOf(item(QStringLiteral("faceplateTag"))), QStringLiteral("LT101"));
    QCOMPARE(textOf(item(QStringLiteral("faceplateCurrent"))), QStringLiteral("50.0 %"));
    QVERIFY(!m_rig->faceplate.canCommand());
    QCOMPARE(textOf(item(QStringLiteral("disabledReason"))),
             QStringLiteral("View only: this tag cannot be commanded"));
    QVERIFY(!item(QStringLiteral("keypad")));
    QVERIFY(!item(QStringLiteral("discreteOn")));
}

void TstFaceplate::viewerSeesControlsDisabledWithTheReason()
{
    openAs(QStringLiteral("P101.CMD"), QString(), Role::Viewer);
    QCOMPARE(textOf(item(QStringLiteral("disabledReason"))),
             QStringLiteral("Not logged in: log in to command this tag"));
    QVERIFY(!item(QStringLiteral("discreteOn"))->isEnabled());

    m_rig->session.logIn(QStringLiteral("vera"), Role::Viewer);
    QTRY_COMPARE(textOf(item(QStringLiteral("disabledReason"))),
                 QStringLiteral("Your role (viewer) may not operate equipment"));
    QVERIFY(!item(QStringLiteral("discreteOn"))->isEnabled());
    QVERIFY(!item(QStringLiteral("discreteOff"))->isEnabled());
    // A tap on the disabled button sends nothing.
    click(item(QStringLiteral("discreteOn")));
    QTest::qWait(50);
    QCOMPARE(m_rig->faceplate.state(), QStringLiteral("idle"));

    // Logging in as an operator enables them at once.
    m_rig->session.logIn(QStringLiteral("olga"), Role::Operator);
    QTRY_VERIFY(item(QStringLiteral("discreteOn"))->isEnabled());
    QVERIFY(!shown(QStringLiteral("disabledReason")));
    QVERIFY(m_rig->writer.requests.isEmpty());
}

void TstFaceplate::operatorStartsThePumpWithSlideToConfirm()
{
    openAs(QStringLiteral("P101.CMD"), QStringLiteral("olga"), Role::Operator);
    QCOMPARE(m_rig->faceplate.kind(), QStringLiteral("discrete"));
    QCOMPARE(textOf(item(QStringLiteral("discreteOn"))), QStringLiteral("Start"));
    QCOMPARE(textOf(item(QStringLiteral("discreteOff"))), QStringLiteral("Stop"));
    QCOMPARE(textOf(item(QStringLiteral("faceplateCurrent"))), QStringLiteral("Stop"));

    click(item(QStringLiteral("discreteOn")));
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    QCOMPARE(textOf(item(QStringLiteral("targetText"))), QStringLiteral("Stop → Start"));
    QVERIFY(m_rig->faceplate.secondsLeft() > 0);
    QVERIFY(m_rig->writer.requests.isEmpty()); // selected, not sent

    slide(1.0);
    QTRY_COMPARE(m_rig->writer.requests.size(), 1);
    QCOMPARE(m_rig->writer.requests.constFirst().tag, quint32(kPumpCmd));
    QCOMPARE(m_rig->writer.requests.constFirst().value.toBool(), true);
    // Sent, the feedback still says stopped: the pump is travelling.
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("verifying"));
    QTRY_VERIFY(item(QStringLiteral("travelIndicator"))->isVisible());
    QVERIFY(m_rig->faceplate.traveling());

    send(kPumpRun, 1);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("succeeded"));
    QVERIFY(!m_rig->faceplate.traveling());
    QTRY_VERIFY(!shown(QStringLiteral("travelIndicator")));
    QCOMPARE(textOf(item(QStringLiteral("faceplateState"))), QStringLiteral("Done"));
    QVERIFY(textOf(item(QStringLiteral("feedbackText"))).endsWith(QStringLiteral("Start")));
}

void TstFaceplate::releasedBeforeTheEndNothingIsSent()
{
    openAs(QStringLiteral("P101.CMD"), QStringLiteral("olga"), Role::Operator);
    click(item(QStringLiteral("discreteOn")));
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    QQuickItem *knob = item(QStringLiteral("slideKnob"));
    slide(0.6);
    QTRY_COMPARE(knob->x(), 0.0); // snapped back
    QCOMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    QVERIFY(m_rig->writer.requests.isEmpty());

    // The select times out: operating afterwards is refused.
    m_rig->clock.advance(CommandOptions{}.selectTimeoutMs + 1000);
    m_rig->commands.tick();
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("expired"));
    QVERIFY(!shown(QStringLiteral("slideToConfirm")));
    QVERIFY(m_rig->writer.requests.isEmpty());
}

void TstFaceplate::stopWhileThePumpStarts()
{
    openAs(QStringLiteral("P101.CMD"), QStringLiteral("olga"), Role::Operator);
    click(item(QStringLiteral("discreteOn")));
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    slide(1.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("verifying"));
    QTRY_VERIFY(item(QStringLiteral("travelIndicator"))->isVisible());
    // Starting: Stop may be pressed at once; Start is on its way already.
    QTRY_VERIFY(item(QStringLiteral("discreteOff"))->isEnabled());
    QVERIFY(!item(QStringLiteral("discreteOn"))->isEnabled());

    click(item(QStringLiteral("discreteOff")));
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    QCOMPARE(m_rig->commands.pendingCount(), 1); // the start is superseded
    // Selected is not sent: the pump still travels to Start.
    QVERIFY(item(QStringLiteral("travelIndicator"))->isVisible());
    QCOMPARE(textOf(item(QStringLiteral("travelText"))), QStringLiteral("Traveling to Start…"));
    send(kPumpRun, 1); // it got there
    QTRY_VERIFY(!shown(QStringLiteral("travelIndicator")));
    QCOMPARE(m_rig->faceplate.state(),
             QStringLiteral("selected")); // the late start decides nothing

    slide(1.0);
    QTRY_COMPARE(m_rig->writer.requests.size(), 2);
    QCOMPARE(m_rig->writer.requests.at(1).value.toBool(), false);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("verifying"));
    QTRY_VERIFY(shown(QStringLiteral("travelIndicator")));
    QCOMPARE(textOf(item(QStringLiteral("travelText"))), QStringLiteral("Traveling to Stop…"));
    QVERIFY(item(QStringLiteral("discreteOn"))->isEnabled()); // and back again, if need be
    QVERIFY(!item(QStringLiteral("discreteOff"))->isEnabled());
    send(kPumpRun, 0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("succeeded"));
    QTRY_VERIFY(!shown(QStringLiteral("travelIndicator")));
    QVERIFY(item(QStringLiteral("discreteOn"))->isEnabled());
    QVERIFY(item(QStringLiteral("discreteOff"))->isEnabled());
}

void TstFaceplate::newSetpointWhileTheLastIsVerified()
{
    openAs(QStringLiteral("FIC301.SP"), QStringLiteral("olga"), Role::Operator);
    m_rig->faceplate.select(20.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    slide(1.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("verifying"));
    QTRY_VERIFY(item(QStringLiteral("keypad"))->isEnabled());
    QVERIFY(item(QStringLiteral("setpointSlider"))->isEnabled());
    click(item(QStringLiteral("key_C")));
    click(item(QStringLiteral("key_3")));
    click(item(QStringLiteral("key_0")));
    click(item(QStringLiteral("keyEnter")));
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    QCOMPARE(textOf(item(QStringLiteral("targetText"))), QStringLiteral("12.5 → 30.0 m³/h"));
    slide(1.0);
    QTRY_COMPARE(m_rig->writer.requests.size(), 2);
    QCOMPARE(m_rig->writer.requests.at(1).value.toDouble(), 30.0);
    send(kFlowSp, 20.0); // the first target's read-back: not the second's
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("verifying"));
    send(kFlowSp, 30.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("succeeded"));
}

void TstFaceplate::interlockSaysWhatBlocks()
{
    send(kLevel, 5);
    openAs(QStringLiteral("P101.CMD"), QStringLiteral("olga"), Role::Operator);
    // The dry-run interlock blocks a start, never a stop.
    QTRY_COMPARE(textOf(item(QStringLiteral("disabledReason"))),
                 QStringLiteral("Start blocked by interlock: LT101 < 10 % (dry-run protection)"));
    QVERIFY(!item(QStringLiteral("discreteOn"))->isEnabled());
    QVERIFY(item(QStringLiteral("discreteOff"))->isEnabled());
    click(item(QStringLiteral("discreteOn")));
    QTest::qWait(50);
    QCOMPARE(m_rig->faceplate.state(), QStringLiteral("idle"));

    // The level recovers: re-evaluated while open, the start comes back.
    send(kLevel, 40);
    QTRY_VERIFY(item(QStringLiteral("discreteOn"))->isEnabled());
    QVERIFY(!shown(QStringLiteral("disabledReason")));
    QVERIFY(m_rig->writer.requests.isEmpty());
}

void TstFaceplate::keypadRefusesValuesOutsideTheLimits()
{
    openAs(QStringLiteral("TIC201.SP"), QStringLiteral("olga"), Role::Operator);
    QCOMPARE(textOf(item(QStringLiteral("keypadLimits"))),
             QStringLiteral("Limits: 20.0 … 90.0 °C"));
    click(item(QStringLiteral("key_C")));
    click(item(QStringLiteral("key_9")));
    click(item(QStringLiteral("key_5"))); // 95 > 90: refused
    QCOMPARE(textOf(item(QStringLiteral("keypadEntry"))), QStringLiteral("9 °C"));
    QVERIFY(!item(QStringLiteral("keyEnter"))->isEnabled()); // 9 < 20
    click(item(QStringLiteral("key_0")));
    QCOMPARE(textOf(item(QStringLiteral("keypadEntry"))), QStringLiteral("90 °C"));
    QVERIFY(item(QStringLiteral("keyEnter"))->isEnabled());
    // The slider follows a typed target within the limits.
    QCOMPARE(item(QStringLiteral("setpointSlider"))->property("value").toDouble(), 90.0);
    click(item(QStringLiteral("key_.")));
    click(item(QStringLiteral("key_5"))); // 90.5 > 90: refused
    QCOMPARE(textOf(item(QStringLiteral("keypadEntry"))), QStringLiteral("90. °C"));
    QVERIFY(!item(QStringLiteral("key_±"))->isEnabled()); // no negative setpoints here
    click(item(QStringLiteral("keyEnter")));
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    QCOMPARE(textOf(item(QStringLiteral("targetText"))), QStringLiteral("40.0 → 90.0 °C"));
}

void TstFaceplate::slideToConfirmFromTheKeyboard()
{
    openAs(QStringLiteral("FIC301.SP"), QStringLiteral("olga"), Role::Operator);
    m_rig->faceplate.select(20.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    m_window->requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QQuickItem *slider = item(QStringLiteral("slideToConfirm"));
    QTRY_VERIFY(slider->isEnabled());
    slider->forceActiveFocus();
    QTRY_VERIFY(slider->hasActiveFocus());
    // Return before the knob is at the end does nothing; two steps right are not the end either.
    QTest::keyClick(m_window, Qt::Key_Return);
    QTest::keyClick(m_window, Qt::Key_Right);
    QTest::keyClick(m_window, Qt::Key_Right);
    QTest::keyClick(m_window, Qt::Key_Return);
    QCOMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    QTest::keyClick(m_window, Qt::Key_End);
    QVERIFY(slider->property("atEnd").toBool());
    QTest::keyClick(m_window, Qt::Key_Return);
    QTRY_COMPARE(m_rig->writer.requests.size(), 1);
    QCOMPARE(m_rig->writer.requests.constFirst().value.toDouble(), 20.0);
    send(kFlowSp, 20.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("succeeded"));
}

void TstFaceplate::criticalSetpointNeedsASecondUser()
{
    QVERIFY(startSecurity());
    // anna, the administrator, is the operator: she cannot be her own second person.
    openAs(QStringLiteral("TIC201.SP"), QStringLiteral("anna"), Role::Admin);
    QVERIFY(m_rig->faceplate.critical());
    m_rig->faceplate.select(55.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    slide(1.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("awaitingConfirmation"));
    QQuickItem *name = item(QStringLiteral("secondUserName"));
    QTRY_VERIFY(name && name->isVisible());

    // Wrong password: shown, still waiting.
    m_rig->faceplate.confirmSecondUser(QStringLiteral("anna"), QStringLiteral("wrong password"));
    QTRY_COMPARE(textOf(item(QStringLiteral("secondUserError"))),
                 QStringLiteral("Wrong user name or password"));
    QCOMPARE(m_rig->faceplate.state(), QStringLiteral("awaitingConfirmation"));
    grab(QStringLiteral("second-user"));

    // Her own correct password: the service refuses the same person; the command still waits.
    m_rig->faceplate.confirmSecondUser(QStringLiteral("anna"), kPassword);
    QTRY_COMPARE(textOf(item(QStringLiteral("secondUserError"))),
                 QStringLiteral("Not accepted: TIC201.SP refused: the second person must be a "
                                "different user"));
    QCOMPARE(m_rig->faceplate.state(), QStringLiteral("awaitingConfirmation"));
    QVERIFY(m_rig->writer.requests.isEmpty());
    click(item(QStringLiteral("secondUserCancel")));
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("idle"));
    QTRY_VERIFY(!shown(QStringLiteral("secondUserName")));

    // olga operates, anna confirms: sent.
    m_rig->session.logIn(QStringLiteral("olga"), Role::Operator);
    m_rig->faceplate.select(55.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    slide(1.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("awaitingConfirmation"));
    m_rig->faceplate.confirmSecondUser(QStringLiteral("anna"), kPassword);
    QTRY_COMPARE(m_rig->writer.requests.size(), 1);
    QCOMPARE(m_rig->writer.requests.constFirst().value.toDouble(), 55.0);
    QTRY_COMPARE(m_rig->faceplate.confirmer(), QStringLiteral("anna"));
}

void TstFaceplate::rendersAt1280x800()
{
    openAs(QStringLiteral("FIC301.SP"), QStringLiteral("olga"), Role::Operator);
    m_rig->faceplate.select(20.0);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    grab(QStringLiteral("analog"));
    m_rig->faceplate.close();
    openAs(QStringLiteral("P101.CMD"), QStringLiteral("olga"), Role::Operator);
    m_rig->faceplate.select(true);
    QTRY_COMPARE(m_rig->faceplate.state(), QStringLiteral("selected"));
    grab(QStringLiteral("discrete"));
    slide(1.0);
    QTRY_VERIFY(m_rig->faceplate.traveling());
    grab(QStringLiteral("traveling"));
    m_rig->faceplate.close();
    send(kLevel, 5);
    openAs(QStringLiteral("P101.CMD"), QString(), Role::Viewer);
    grab(QStringLiteral("viewer"));
}

QTEST_MAIN(TstFaceplate)
#include "tst_faceplate.moc"
