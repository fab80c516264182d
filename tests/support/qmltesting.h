#pragma once

// What the QML window tests share: a test window made from inline QML with its required
// properties, and items found in it by objectName.

#include <QByteArray>
#include <QDebug>
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

} // namespace vigil::testing
