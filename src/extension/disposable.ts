/** Something to clean up; matches `vscode.Disposable` structurally so both mix freely. */
export interface IDisposable {
    dispose(): void;
}

/**
 * Base class for objects that own other disposables: `_register` them as they are made and
 * `dispose()` releases all, newest first, once.
 */
export abstract class Disposable implements IDisposable {
    private readonly _disposables: IDisposable[] = [];
    private _isDisposed = false;

    protected get isDisposed(): boolean {
        return this._isDisposed;
    }

    protected _register<T extends IDisposable>(value: T): T {
        if (this._isDisposed) value.dispose();
        else this._disposables.push(value);
        return value;
    }

    dispose(): void {
        if (this._isDisposed) return;
        this._isDisposed = true;
        while (this._disposables.length > 0) {
            try {
                this._disposables.pop()!.dispose();
            } catch (err) {
                console.error('[journey] dispose failed', err);
            }
        }
    }
}

export function toDisposable(dispose: () => void): IDisposable {
    return { dispose };
}
