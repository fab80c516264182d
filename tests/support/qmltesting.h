#pragma once

// What the QML window tests share: a test window made from inline QML with its required
// properties, and items found in it by objectName.

#include <QByteArray>
#include <QCoreApplication>
#include <QDebug>
#include <QProcess>
#include <QProcessEnvironment>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QTest>
#include <QUrl>
#include <QVariantMap>

namespace vigil::testing
{

// Delegates of views are not QObject children of the window: walk the item tree.
inline QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

inline QQuickItem *findItem(QQuickWindow *window, const QString &name)
{
    return findItem(window ? window->contentItem() : nullptr, name);
}

// Creates the Window that `qml` declares (it imports Vigil from the application's resources)
// with `properties` as its initial properties, and waits until it is exposed. The caller owns
// the window. nullptr if it cannot be made or shown; then `error` (and a warning) says why.
inline QQuickWindow *createWindow(QQmlEngine &engine, const QByteArray &qml,
                                  const QVariantMap &properties, QString *error = nullptr,
                                  const QString &url = QStringLiteral("qrc:/test.qml"))
{
    auto failed = [error](const QString &why) -> QQuickWindow * {
        qWarning().noquote() << why;
        if (error)
            *error = why;
        return nullptr;
    };
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    QQmlComponent component(&engine);
    component.setData(qml, QUrl(url));
    QObject *object = component.createWithInitialProperties(properties);
    if (!object)
        return failed(component.errorString());
    auto *window = qobject_cast<QQuickWindow *>(object);
    if (!window) {
        delete object;
        return failed(QStringLiteral("%1: the root object is not a Window").arg(url));
    }
    if (!QTest::qWaitForWindowExposed(window)) {
        delete window;
        return failed(QStringLiteral("%1: the window was never shown").arg(url));
    }
    return window;
}

// Runs `testFunction` of this test executable again in a child process with the virtual keyboard
// input method: app/main.cpp sets QT_IM_MODULE before the application object exists, so it needs
// a process of its own. `childMarker` is set in the child's environment so that the function
// knows where it runs. Fails, printing the child's output, unless the function passed there.
inline void runWithVirtualKeyboard(const char *childMarker, const QString &testClass,
                                   const QString &testFunction)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_IM_MODULE"), QStringLiteral("qtvirtualkeyboard"));
    env.insert(QString::fromLatin1(childMarker), QStringLiteral("1"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {testFunction});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    QVERIFY2(child.waitForFinished(90'000), "the keyboard child process did not finish");
    const QString output = QString::fromUtf8(child.readAll());
    const bool ok = child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0;
    if (!ok) {
        for (const QString &line : output.split(u'\n'))
            qInfo().noquote() << "keyboard child:" << line;
    }
    QVERIFY2(ok, qPrintable(QStringLiteral("the keyboard child process failed (exit code %1); "
                                           "its output is above")
                                .arg(child.exitCode())));
    const QString passed = QStringLiteral("PASS   : %1::%2()").arg(testClass, testFunction);
    QVERIFY2(output.contains(passed), qPrintable(output));
}

} // namespace vigil::testing
